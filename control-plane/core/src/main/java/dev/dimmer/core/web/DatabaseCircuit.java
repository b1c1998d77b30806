package dev.dimmer.core.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database is away, known before a request asks: a heartbeat ({@code SELECT 1}, at most
 * {@code dimmer.health.timeout}) every {@code dimmer.health.interval} that the database refuses, or that goes
 * unanswered {@code dimmer.health.slow-beats} times in a row, and every request that failed because the database
 * refused its connection, open the circuit; the next heartbeat that answers closes it. While it is open, API requests answer
 * 503 at once instead of each waiting for the pool; health answers from it without waiting at all.
 */
@Context
public final class DatabaseCircuit {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCircuit.class);
    private final DatabaseProbe probe;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dimmer-database-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final long staleNanos;
    private final int patienceBeats;
    private int slowBeats;
    private volatile String away;
    private volatile long checkedAt = System.nanoTime();

    DatabaseCircuit(DatabaseProbe probe, @Value("${dimmer.health.interval:1s}") Duration interval,
                    @Value("${dimmer.health.slow-beats:3}") int patienceBeats) {
        this.probe = probe;
        this.patienceBeats = Math.max(1, patienceBeats);
        this.staleNanos = interval.multipliedBy(3).plus(probe.patience()).toNanos();
        long millis = Math.max(50, interval.toMillis());
        heartbeat.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Why the database counts as away, or empty while it answers. */
    public Optional<String> away() {
        String reason = away;
        if (reason == null && System.nanoTime() - checkedAt > staleNanos) {
            return Optional.of("the database heartbeat has not answered for "
                    + (System.nanoTime() - checkedAt) / 1_000_000 + " ms");
        }
        return Optional.ofNullable(reason);
    }

    /** A request failed for want of a connection: opens the circuit until the next heartbeat answers. */
    void trip(String reason) {
        if (away == null) {
            LOG.warn("database unavailable: {}; API requests answer 503 until it answers again", reason);
        }
        away = reason;
    }

    private void beat() {
        Optional<String> problem = probe.problem();
        checkedAt = System.nanoTime();
        // a refused connection opens the circuit at once; a slow answer (a busy pool, a starved machine) only when
        // it stays slow for several beats in a row
        if (problem.isPresent() && problem.get().startsWith(DatabaseProbe.TIMED_OUT)
                && ++slowBeats < patienceBeats) {
            return;
        }
        if (problem.isEmpty()) {
            slowBeats = 0;
        }
        if (problem.isPresent()) {
            if (away == null) {
                LOG.warn("database unavailable: {}; API requests answer 503 until it answers again", problem.get());
            }
            away = problem.get();
        } else if (away != null) {
            LOG.info("database answers again; API requests are served");
            away = null;
        }
    }

    /**
     * Whether a failure means the database could not be reached (rather than an answer it gave, or a pool that was
     * only busy: the pool's timeout carries the connection error's state when the database refused, none when every
     * connection was merely in use).
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
    }
}
