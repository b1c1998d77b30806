package dev.dimmer.core.rollback;

import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.api.rollback.RehearsedStep;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.axonframework.config.Configuration;

/**
 * Rehearses a wave's rollback and measures it, step by step: for real against the plan's {@code rehearsal}
 * section (staging connections by name, webhook URL prefixes replaced), or as a dry run against the plan's own
 * connections and URLs, where SQL runs in a transaction that is rolled back and every webhook is told
 * {@code X-Dimmer-Rehearsal: true}. It stops at the first step that fails, as a rollback would. Recording the
 * measured steps is the caller's command.
 */
@Singleton
public final class Rehearsing {
    private final RunbookProgress progress;
    private final StepActions actions;
    private final ExecutorService pool;

    Rehearsing(Configuration axon, StepActions actions, @Named(RunbookFactory.POOL) ExecutorService pool) {
        this.progress = new RunbookProgress(axon::eventStore);
        this.actions = actions;
        this.pool = pool;
    }

    /** The wave's rollback steps as they ran; refused when the migration, wave or steps are missing. */
    public List<RehearsedStep> rehearse(String migration, String wave, boolean dryRun) throws InterruptedException {
        MigrationPlan plan = progress.of(migration, wave).map(RunbookProgress.Found::plan).orElseThrow(() ->
                new CommandRejectedException(RejectionCode.UNKNOWN_MIGRATION, "no migration '" + migration
                        + "'; register its plan first (dimmer apply PLAN.yaml)"));
        if (plan.wave(wave).isEmpty()) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_WAVE, "migration " + migration
                    + " has no wave '" + wave + "'");
        }
        List<RollbackAction> steps = plan.rollback().actionsFor(wave);
        if (steps.isEmpty()) {
            throw new CommandRejectedException(RejectionCode.INVALID_COMMAND, "wave " + wave + " has no rollback "
                    + "step to rehearse; add rollback.actions to the plan");
        }
        String rehearsal = UUID.randomUUID().toString();
        try {
            return pool.submit(() -> run(migration, wave, plan, steps, dryRun, rehearsal)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private List<RehearsedStep> run(String migration, String wave, MigrationPlan plan, List<RollbackAction> steps,
                                    boolean dryRun, String rehearsal) {
        List<RehearsedStep> measured = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            RollbackAction step = steps.get(i);
            String key = "dimmer:" + migration + ":" + wave + ":rehearsal:" + rehearsal + ":" + i;
            StepContext context = dryRun ? new StepContext(key, plan.connections(), null, true, true)
                    : new StepContext(key, plan.rehearsal().connections(), plan.rehearsal().endpoints(), true, false);
            StepResult result = actions.run(step, context);
            measured.add(new RehearsedStep(i, step.kind(), step.description(), result.succeeded(),
                    result.durationMillis(), result.detail()));
            if (!result.succeeded()) {
                break;
            }
        }
        return measured;
    }
}
