package dev.dimmer.core.web;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Asks the database {@code SELECT 1} for the health check, and waits at most the patience for it. A pool whose
 * database is gone can block for its whole connection timeout; the probe runs on its own thread, one at a time,
 * so health answers stay quick and a burst of checks while the database is down shares the one waiting probe.
 */
@Singleton
final class DatabaseProbe {
    static final String TIMED_OUT = "the database did not answer within ";
    private final DataSource dataSource;
    private final Duration patience;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dimmer-health-probe");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Void> running;

    DatabaseProbe(DataSource dataSource, @Value("${dimmer.health.timeout:1s}") Duration patience) {
        this.dataSource = dataSource;
        this.patience = patience;
    }

    Duration patience() {
        return patience;
    }

    /** Why the database counts as down, or empty when it answered in time. */
    Optional<String> problem() {
        try {
            probe().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of(TIMED_OUT + patience.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of("the database refused the check");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking the database");
        }
    }

    private synchronized CompletableFuture<Void> probe() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.runAsync(this::selectOne, thread);
        }
        return running;
    }

    private void selectOne() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, patience.toSeconds()));
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        thread.shutdownNow();
    }
}
