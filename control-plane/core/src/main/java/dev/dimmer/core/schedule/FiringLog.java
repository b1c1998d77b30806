package dev.dimmer.core.schedule;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * This node's firings as they happened: how late each started after its scheduled time. The bench reads it; it
 * keeps the latest hundred thousand.
 */
@Singleton
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
public final class FiringLog {
    private static final int KEPT = 100_000;
    private final List<Fired> fired = new ArrayList<>();

    /** One firing: the job's key (job and scheduled time) and how late it started. */
    public record Fired(String key, Duration late) {
    }

    synchronized void fired(Firing firing, Instant startedAt) {
        if (fired.size() == KEPT) {
            fired.remove(0);
        }
        fired.add(new Fired(firing.key(), Duration.between(firing.scheduled(), startedAt)));
    }

    /** The firings so far, oldest first, and forgets them. */
    public synchronized List<Fired> drain() {
        List<Fired> all = List.copyOf(fired);
        fired.clear();
        return all;
    }
}
