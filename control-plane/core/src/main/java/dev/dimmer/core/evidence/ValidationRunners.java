package dev.dimmer.core.evidence;

import dev.dimmer.api.dispatch.Dispatch;
import dev.dimmer.outbox.Backoff;
import dev.dimmer.outbox.OutboxRelay;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The validation runners of this node: a bounded number of relays on the run queue, each executing one run at a
 * time under the queue row's lock ({@code FOR UPDATE SKIP LOCKED}), so nodes share the runs and each run is
 * executed by one of them. A runner that dies releases its row, and another resumes the run.
 */
@Context
public class ValidationRunners {
    private final List<OutboxRelay> relays = new ArrayList<>();
    private final ValidationRunner runner;

    public ValidationRunners(DataSource dataSource, MigrationReader migrations, PlannedChecks checks,
                             Dispatch dispatch, Clock clock, QueuedRuns queued,
                             @Value("${dimmer.validation.runners:2}") int runners,
                             @Value("${dimmer.validation.poll-interval:200ms}") Duration pollInterval,
                             @Value("${dimmer.validation.expiry:1h}") Duration expiry,
                             @Value("${dimmer.validation.enabled:true}") boolean enabled) {
        runner = new ValidationRunner(migrations, checks, dispatch, clock, expiry);
        for (int i = 0; enabled && i < Math.max(1, runners); i++) {
            OutboxRelay relay = new OutboxRelay(ValidationRunQueue.TOPIC, dataSource, runner,
                    Backoff.doubling(Duration.ofSeconds(1)), clock);
            relay.start(pollInterval);
            relays.add(relay);
            queued.whenQueued(relay::wake);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        runner.stop();
        for (OutboxRelay relay : relays) {
            relay.close();
        }
    }
}
