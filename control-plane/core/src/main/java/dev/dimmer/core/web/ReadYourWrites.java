package dev.dimmer.core.web;

import dev.dimmer.api.status.StatusVersions;
import dev.dimmer.api.status.StatusVersionsQuery;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a command over HTTP, waits (briefly) until the status view has taken in the migration's latest event, so
 * that a `dimmer status` right after `dimmer advance` shows the step. The views follow the log within
 * milliseconds. The command is done by then: if the view lags longer, or cannot be read at all (the database is
 * restarting), the answer still goes out and says the view is catching up.
 *
 * <p>One thread looks for all waiting answers at once, with one light query (each migration's view version) every
 * few milliseconds while any answer waits. Each answer looking for itself cost a connection and three queries every
 * 5 ms per waiting answer: when the view lagged, a hundred waiting answers crowded the connection pool out and the
 * lag fed itself.
 */
@Singleton
final class ReadYourWrites {
    private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long LOOK_EVERY_MILLIS = 4;
    private final Configuration axon;
    private final QueryGateway queries;
    private final Duration patience;
    private final Map<String, List<Waiter>> waiting = new ConcurrentHashMap<>();
    private final Semaphore arrived = new Semaphore(0);
    private final Thread looker;
    private volatile boolean stopped;

    /** An answer waiting for the view to reach a version of a migration. */
    private record Waiter(long version, CompletableFuture<Boolean> reached) {
    }

    ReadYourWrites(Configuration axon, QueryGateway queries,
                   @Value("${dimmer.api.read-your-writes:2s}") Duration patience) {
        this.axon = axon;
        this.queries = queries;
        this.patience = patience;
        looker = new Thread(this::look, "dimmer-read-your-writes");
        looker.setDaemon(true);
        looker.start();
    }

    /** @return whether the status view has the migration's latest event; false if it lags or cannot be read */
    boolean await(String migrationId) {
        Optional<Long> last;
        try {
            last = axon.eventStore().lastSequenceNumberFor(migrationId);
        } catch (RuntimeException e) {
            LOG.warn("the log of {} could not be read after a stored command: {}", migrationId, e.toString());
            return false;
        }
        if (last.isEmpty() || patience.isZero()) {
            return last.isEmpty();
        }
        Waiter waiter = new Waiter(last.get(), new CompletableFuture<>());
        waiting.computeIfAbsent(migrationId, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(waiter);
        arrived.release();
        try {
            return waiter.reached().get(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            LOG.warn("the status view of {} could not be read after a stored command: {}", migrationId,
                    e.getCause().toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.computeIfPresent(migrationId, (k, list) -> {
                list.remove(waiter);
                return list.isEmpty() ? null : list;
            });
        }
    }

    private void look() {
        while (!stopped) {
            try {
                arrived.acquire();
                arrived.drainPermits();
                while (!stopped && !waiting.isEmpty()) {
                    lookOnce();
                    Thread.sleep(LOOK_EVERY_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void lookOnce() throws InterruptedException {
        List<String> ids = new ArrayList<>(waiting.keySet());
        if (ids.isEmpty()) {
            return;
        }
        StatusVersions versions;
        try {
            versions = queries.query(new StatusVersionsQuery(ids), ResponseTypes.instanceOf(StatusVersions.class))
                    .join();
        } catch (RuntimeException e) {
            // the database is away: every answer waiting now goes out saying the view is catching up
            waiting.values().forEach(list -> list.forEach(w -> w.reached().completeExceptionally(e)));
            Thread.sleep(100);
            return;
        }
        for (String id : ids) {
            Long version = versions.versions().get(id);
            if (version == null) {
                continue;
            }
            for (Waiter waiter : waiting.getOrDefault(id, List.of())) {
                if (version >= waiter.version()) {
                    waiter.reached().complete(true);
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        looker.interrupt();
    }
}
