package dev.dimmer.core.schedule;

import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Runs a firing again when its command lost a race for the migration (another firing or command, on this node or
 * another, appended first): the jobs of one migration often fall due at the same instant on several nodes, and a
 * firing that gave up would be lost for its slot. Each attempt reads the migration afresh and decides again; a
 * command that did get through answers as a duplicate of its firing's idempotency key.
 */
final class ConflictRetry {
    static final int ATTEMPTS = 5;
    private final Pause pause;

    /** How to wait between attempts: a pause in production, nothing in tests. */
    interface Pause {
        void millis(long millis) throws InterruptedException;
    }

    ConflictRetry(Pause pause) {
        this.pause = pause;
    }

    static ConflictRetry sleeping() {
        return new ConflictRetry(Thread::sleep);
    }

    /** Runs {@code firing} until it does not lose a race, at most {@link #ATTEMPTS} times; rethrows the last loss. */
    void run(Runnable firing) {
        for (int attempt = 1; ; attempt++) {
            try {
                firing.run();
                return;
            } catch (ConcurrencyException lost) {
                if (attempt == ATTEMPTS) {
                    throw lost;
                }
                try {
                    // spread the retries of firings that collided, so they do not collide again
                    pause.millis(ThreadLocalRandom.current().nextLong(10, 50) * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw lost;
                }
            }
        }
    }
}
