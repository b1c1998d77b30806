package dev.dimmer.core.schedule;

import dev.dimmer.outbox.Backoff;
import dev.dimmer.outbox.Delivery;
import dev.dimmer.outbox.OutboxMessage;
import dev.dimmer.outbox.OutboxRelay;
import dev.dimmer.outbox.Outcome;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's senders of queued firings: a bounded number of relays on the {@link FiringQueue}, each acting on one
 * firing at a time under its row's lock ({@code FOR UPDATE SKIP LOCKED}), earliest scheduled first, a job's firings
 * in order. A firing whose command failed or whose outcome is unknown is tried again with back-off under the same
 * idempotency key. Rows a day past their delivery are deleted; a firing handed over again after that is answered as
 * a duplicate by the command's idempotency key.
 */
@Singleton
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
public final class FiringRelays implements Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(FiringRelays.class);
    private static final String PRUNE = """
            DELETE FROM outbox_message WHERE topic = ? AND (delivered_at < now() - interval '1 day'
                                                         OR failed_at < now() - interval '7 days')""";
    private final DataSource dataSource;
    private final FiringQueue queue;
    private final DueActions actions;
    // a firing that lost a race for its migration (jobs of one migration fall due together on several nodes) is
    // tried again at once, reading the migration afresh, before the queue's back-off takes over
    private final ConflictRetry retry = ConflictRetry.sleeping();
    private final Clock clock;
    private final int count;
    private final Duration poll;
    private final List<OutboxRelay> relays = new ArrayList<>();
    private ScheduledExecutorService pruning;

    FiringRelays(DataSource dataSource, FiringQueue queue, DueActions actions, Clock clock,
                 @Value("${dimmer.schedule.senders:4}") int count,
                 @Value("${dimmer.schedule.sender-poll:500ms}") Duration poll) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.actions = actions;
        this.clock = clock;
        this.count = Math.max(1, count);
        this.poll = poll;
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        Firing firing;
        try {
            firing = FiringQueue.firing(message.payload());
        } catch (IllegalArgumentException e) {
            return new Outcome.Permanent(e.getMessage(), "the job fires again at its next time");
        }
        try {
            retry.run(() -> actions.fire(firing));
            return new Outcome.Delivered(null);
        } catch (RuntimeException e) {
            LOG.warn("{} of {} failed, tried again: {}", firing.kind().label(), firing.migration(), e.getMessage());
            return new Outcome.Transient(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Starts the relays (once the application is up) and the daily clean-up of delivered rows. */
    synchronized void start() {
        if (!relays.isEmpty()) {
            return;
        }
        for (int i = 0; i < count; i++) {
            OutboxRelay relay = new OutboxRelay(FiringQueue.TOPIC, dataSource, this,
                    new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 10), clock);
            relay.start(poll);
            relays.add(relay);
            queue.whenQueued(relay::wake);
        }
        pruning = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dimmer-schedule-prune");
            thread.setDaemon(true);
            return thread;
        });
        pruning.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
    }

    /** Stops the relays, letting a firing being sent finish; call it once Quartz hands over nothing more. */
    synchronized void stop() {
        for (OutboxRelay relay : relays) {
            try {
                relay.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        relays.clear();
        if (pruning != null) {
            pruning.shutdownNow();
            pruning = null;
        }
    }

    private void prune() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(PRUNE)) {
            c.setAutoCommit(true);
            s.setString(1, FiringQueue.TOPIC);
            s.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("could not delete delivered firings: {}", e.getMessage());
        }
    }
}
