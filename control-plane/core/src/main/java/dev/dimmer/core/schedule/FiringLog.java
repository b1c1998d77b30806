package dev.dimmer.core.schedule;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * This node's firings as they happened, each measured from its scheduled time: when Quartz started it, when its row
 * was queued (the firing is taken: from then on it survives the node), and when its command was accepted. The bench
 * reads it; it keeps the latest hundred thousand of each.
 */
@Singleton
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
public final class FiringLog {
    private static final int KEPT = 100_000;
    private final Clock clock;
    private final List<Fired> fired = new ArrayList<>();
    private final List<Accepted> accepted = new ArrayList<>();

    FiringLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * One firing Quartz handed over: the job's key (job and scheduled time), how late Quartz started it, how late
     * its row was committed, and whether it was queued (false: that firing was queued before, a duplicate).
     */
    public record Fired(String key, Instant scheduled, Duration late, Duration queued, boolean first) {
    }

    /** One command of a firing accepted (recorded by the migration), how late. */
    public record Accepted(String key, Instant scheduled, Duration late) {
    }

    synchronized void taken(Firing firing, Instant startedAt, boolean first) {
        Instant queuedAt = clock.instant();
        if (fired.size() == KEPT) {
            fired.remove(0);
        }
        fired.add(new Fired(firing.key(), firing.scheduled(), Duration.between(firing.scheduled(), startedAt),
                Duration.between(firing.scheduled(), queuedAt), first));
    }

    synchronized void accepted(Firing firing) {
        if (accepted.size() == KEPT) {
            accepted.remove(0);
        }
        accepted.add(new Accepted(firing.key(), firing.scheduled(), Duration.between(firing.scheduled(),
                clock.instant())));
    }

    /** The firings Quartz handed over so far, oldest first, and forgets them. */
    public synchronized List<Fired> drain() {
        List<Fired> all = List.copyOf(fired);
        fired.clear();
        return all;
    }

    /** The commands accepted so far, oldest first, and forgets them. */
    public synchronized List<Accepted> drainAccepted() {
        List<Accepted> all = List.copyOf(accepted);
        accepted.clear();
        return all;
    }
}
