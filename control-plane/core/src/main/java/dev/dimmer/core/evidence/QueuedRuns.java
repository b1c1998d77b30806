package dev.dimmer.core.evidence;

import jakarta.inject.Singleton;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Tells this node's runners that a run was queued, once the queue row is committed, so a run starts at once rather
 * than at the runners' next poll. Runs queued on another node are found by that poll.
 */
@Singleton
public class QueuedRuns {
    private final Set<Runnable> runners = ConcurrentHashMap.newKeySet();

    void whenQueued(Runnable runner) {
        runners.add(runner);
    }

    void queued() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> wake());
        } else {
            wake();
        }
    }

    private void wake() {
        runners.forEach(Runnable::run);
    }
}
