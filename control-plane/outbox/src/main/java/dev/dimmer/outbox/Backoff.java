package dev.dimmer.outbox;

import java.time.Duration;

/**
 * When to try a message again after a transient failure: {@code base}, doubled with each attempt up to {@code cap};
 * after {@code giveUpAfter} attempts the message is marked failed.
 */
public record Backoff(Duration base, Duration cap, int giveUpAfter) {
    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || giveUpAfter < 1) {
            throw new IllegalArgumentException("back-off needs 0 < base <= cap and giveUpAfter >= 1, got " + base
                    + ", " + cap + ", " + giveUpAfter);
        }
    }

    /** Slack's schedule: 1 s, 2 s, 4 s ... 256 s, and failed after 12 attempts. */
    public static Backoff doubling(Duration base) {
        return new Backoff(base, base.multipliedBy(256), 12);
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    public Duration after(int failedAttempts) {
        Duration wait = base;
        for (int i = 1; i < failedAttempts && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= giveUpAfter;
    }
}
