package dev.dimmer.projections.evidence;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Wakes readers who wait for a validation run to end: the report view signals once a run's completion is committed
 * on this node. A reader takes {@link #next()} before it reads, then waits on it; a completion that another node
 * wrote is found by the reader's own bounded re-reads.
 */
@Singleton
public class RunCompletions {
    private volatile CompletableFuture<Void> next = new CompletableFuture<>();

    /** Completes when the next run completion after this call is committed here. */
    public CompletableFuture<Void> next() {
        return next;
    }

    /** Waits for {@code change} at most {@code wait}; answers whether it came. */
    public static boolean await(CompletableFuture<Void> change, Duration wait) {
        try {
            change.get(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    void completed() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> signal());
        } else {
            signal();
        }
    }

    private synchronized void signal() {
        CompletableFuture<Void> done = next;
        next = new CompletableFuture<>();
        done.complete(null);
    }
}
