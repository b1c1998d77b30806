package dev.dimmer.core.rollback;

import dev.dimmer.api.rollback.RunbookRetriedEvent;
import dev.dimmer.api.rollback.RunbookStartedEvent;
import dev.dimmer.core.axon.ClaimRenewal;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Executes runbooks when the log asks for one: a rollback or cutover started one, or a lead retried a stalled one.
 * Its own tracking processor, whose token is in the database: one node (the one holding the claim) executes, and
 * the token moves past the event only once the run has ended; the claim is kept while a step runs, however long,
 * so only a node that crashes mid-run hands the event to the next claimant, which resumes at the first unfinished
 * step. The steps run on a bounded pool, outside the processor's transaction, so each report commits (and shows) as
 * it happens.
 */
@Singleton
@ProcessingGroup(RunbookExecutor.GROUP)
@Requires(property = "dimmer.rollback.executor.enabled", notEquals = "false")
public class RunbookExecutor {
    public static final String GROUP = "rollback-executor";
    private final Provider<RunningARunbook> running;
    private final ExecutorService pool;
    private final ClaimRenewal claims;

    // a provider: the runbook reads the log and sends commands through Axon, which is built with this handler
    RunbookExecutor(Provider<RunningARunbook> running, @Named(RunbookFactory.POOL) ExecutorService pool,
                    ClaimRenewal claims) {
        this.running = running;
        this.pool = pool;
        this.claims = claims;
    }

    @EventHandler
    void on(RunbookStartedEvent event) throws InterruptedException {
        execute(event.migrationId(), event.wave(), event.run());
    }

    @EventHandler
    void on(RunbookRetriedEvent event) throws InterruptedException {
        execute(event.migrationId(), event.wave(), event.run());
    }

    private void execute(String migration, String wave, int run) throws InterruptedException {
        Future<Boolean> done = pool.submit(() -> running.get().run(migration, wave, run));
        try {
            // a step may outlast the claim: keep it, or another node would run the same step again meanwhile
            if (!claims.await(GROUP, done)) {
                throw new InterruptedException("runbook " + run + " of " + migration + "/" + wave
                        + " was cut short; it resumes after the restart");
            }
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
