package dev.dimmer.chatbot;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many refusals a Slack user may collect: a token bucket of {@value #BURST}, refilled at {@value #BURST} a
 * minute. Each refusal spends one; with none left the user is told to slow down, and nothing is sent to the control
 * plane or put on any record, so nobody can fill the audit trail or the log by being refused.
 */
@Singleton
public class RefusalBudget {
    static final int BURST = 5;
    static final Duration REFILL = Duration.ofMinutes(1).dividedBy(BURST);
    static final int MAX_USERS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(RefusalBudget.class);
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RefusalBudget(Clock clock) {
        this.clock = clock;
    }

    /** Throws the slow-down refusal when the user has no refusals left. */
    void requireOpen(String userId) {
        Bucket bucket = buckets.get(userId);
        if (bucket == null) {
            return;
        }
        Duration wait = bucket.waitFor(clock.instant());
        if (wait.isZero()) {
            return;
        }
        if (bucket.firstThrottled()) {
            LOG.info("Slack user {} was refused {} times within a minute; ignoring their commands for {}s", userId,
                    BURST, wait.toSeconds());
        }
        throw new SlackRefusal("slow down: you were refused " + BURST + " times in a minute; try again in "
                + Math.max(1, wait.toSeconds()) + "s");
    }

    void spend(String userId) {
        Instant now = clock.instant();
        if (buckets.size() >= MAX_USERS && !buckets.containsKey(userId)) {
            buckets.values().removeIf(b -> b.full(now));
            if (buckets.size() >= MAX_USERS) {
                buckets.clear();
            }
        }
        buckets.computeIfAbsent(userId, id -> new Bucket(now)).spend(now);
    }

    int users() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens = BURST;
        private Instant at;
        private boolean throttledSaid;

        Bucket(Instant now) {
            this.at = now;
        }

        private void refill(Instant now) {
            if (now.isAfter(at)) {
                tokens = Math.min(BURST, tokens + (double) Duration.between(at, now).toNanos() / REFILL.toNanos());
                at = now;
            }
        }

        synchronized void spend(Instant now) {
            refill(now);
            tokens = Math.max(0, tokens - 1);
            throttledSaid = false;
        }

        synchronized Duration waitFor(Instant now) {
            refill(now);
            if (tokens >= 1) {
                throttledSaid = false;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) ((1 - tokens) * REFILL.toNanos()));
        }

        synchronized boolean firstThrottled() {
            boolean first = !throttledSaid;
            throttledSaid = true;
            return first;
        }

        synchronized boolean full(Instant now) {
            refill(now);
            return tokens >= BURST;
        }
    }
}
