package dev.dimmer.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one topic's messages on its own thread, so a receiver's speed, limits and outages never reach the
 * control plane. Each message is claimed ({@code FOR UPDATE SKIP LOCKED}), delivered and marked in one short
 * transaction, so several relays (nodes) share the work and none delivers a message twice. Only the head of each
 * key's queue is claimed: a key's messages go out in order, different keys in parallel. Due times are the
 * database's, so the nodes' clocks need not agree.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    // a round ends after this many, so the delivered keys' follow-up (status cards) is not held back
    private static final int ROUND = 50;
    private static final String CLAIM = """
            SELECT id, message_key, position, payload, attempts FROM outbox_message o
             WHERE topic = ? AND delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
               AND NOT EXISTS (SELECT 1 FROM outbox_message e
                                WHERE e.topic = o.topic AND e.message_key = o.message_key
                                  AND e.delivered_at IS NULL AND e.failed_at IS NULL AND e.position < o.position)
             ORDER BY position LIMIT 1 FOR UPDATE SKIP LOCKED""";
    private static final String DELIVERED = """
            UPDATE outbox_message SET delivered_at = now(), receipt = ?, attempts = attempts + 1 WHERE id = ?""";
    private static final String DEFER = """
            UPDATE outbox_message SET attempts = attempts + 1, last_error = ?,
                   next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?""";
    private static final String FAILED = """
            UPDATE outbox_message SET failed_at = now(), attempts = attempts + 1, last_error = ? WHERE id = ?""";
    private final String topic;
    private final DataSource dataSource;
    private final Delivery delivery;
    private final Backoff backoff;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;
    private final java.util.concurrent.atomic.AtomicBoolean woken = new java.util.concurrent.atomic.AtomicBoolean();
    private ScheduledExecutorService executor;

    public OutboxRelay(String topic, DataSource dataSource, Delivery delivery, Backoff backoff, Clock clock) {
        this.topic = topic;
        this.dataSource = dataSource;
        this.delivery = delivery;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Runs a round every poll interval on a daemon thread named after the topic. */
    public synchronized void start(Duration pollInterval) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dimmer-" + topic + "-delivery");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::deliverDue, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a round now rather than at the next poll: a message was just committed on this node. Wake-ups that come
     * while a round is waiting to start are one round; a relay that is not started ignores them.
     */
    public void wake() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
        }
        if (running != null && woken.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    woken.set(false);
                    deliverDue();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                woken.set(false);
            }
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(5, TimeUnit.SECONDS);
            executor = null;
        }
    }

    /** Holds every delivery of the topic back for a while: the receiver asked for it (Retry-After). */
    public void pause(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    public boolean paused() {
        return clock.instant().isBefore(pausedUntil);
    }

    /** One round: delivers what is due, head of each key first; then tells the delivery which keys moved. */
    public Set<String> deliverDue() {
        Set<String> moved = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < ROUND && !paused(); i++) {
                Optional<Settled> settled = deliverNext(c);
                if (settled.isEmpty()) {
                    break;
                }
                settled.filter(Settled::delivered).ifPresent(m -> moved.add(m.key()));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("{} delivery round failed: {}", topic, e.getMessage());
        }
        if (!moved.isEmpty()) {
            delivery.delivered(moved);
        }
        return moved;
    }

    private record Settled(String key, boolean delivered) {
    }

    /** Claims, delivers and marks the next due message in one transaction; empty when none is due. */
    private Optional<Settled> deliverNext(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try {
            Optional<OutboxMessage> claimed = claim(c);
            if (claimed.isEmpty()) {
                c.commit();
                return Optional.empty();
            }
            OutboxMessage message = claimed.get();
            boolean delivered = settle(c, message, delivery.deliver(message));
            c.commit();
            return Optional.of(new Settled(message.key(), delivered));
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private Optional<OutboxMessage> claim(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, topic);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new OutboxMessage(row.getLong(1), topic, row.getString(2),
                        row.getLong(3), row.getString(4), row.getInt(5))) : Optional.empty();
            }
        }
    }

    /** Marks the row as the outcome says; true if it was delivered. */
    private boolean settle(Connection c, OutboxMessage m, Outcome outcome) throws SQLException {
        if (outcome instanceof Outcome.Delivered d) {
            update(c, DELIVERED, m.id(), d.receipt());
            return true;
        }
        if (outcome instanceof Outcome.Permanent p) {
            LOG.warn("{} refused message {} of {} for good, not retrying: {}; {}", topic, m.id(), m.key(), p.error(),
                    p.advice());
            update(c, FAILED, m.id(), p.error());
        } else if (outcome instanceof Outcome.RetryAfter r) {
            pause(r.delay());
            defer(c, m, r.delay(), r.error());
        } else if (outcome instanceof Outcome.Transient t) {
            defer(c, m, backoff.after(m.attempts() + 1), t.error());
        } else {
            throw new IllegalStateException(topic + " delivery answered nothing for message " + m.id());
        }
        return false;
    }

    private void defer(Connection c, OutboxMessage m, Duration wait, String error) throws SQLException {
        if (backoff.exhausted(m.attempts() + 1)) {
            LOG.warn("gave up delivering {} message {} of {} after {} attempts: {}", topic, m.id(), m.key(),
                    m.attempts() + 1, error);
            update(c, FAILED, m.id(), error);
            return;
        }
        LOG.info("{} message {} of {} deferred {} ms: {}", topic, m.id(), m.key(), wait.toMillis(), error);
        try (PreparedStatement s = c.prepareStatement(DEFER)) {
            s.setString(1, error);
            s.setDouble(2, wait.toMillis() / 1000.0);
            s.setLong(3, m.id());
            s.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, long id, String text) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, text);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }
}
