package dev.dimmer.core.migration;

import dev.dimmer.api.plan.MigrationPlan;
import java.time.Instant;
import java.util.List;

/**
 * A validation run as the runner needs it: the plan at the time it reads it, the wave, when the run was asked for,
 * and the validations still without a result (none when the run is complete or unknown).
 */
public record PendingRun(MigrationPlan plan, String wave, Instant requestedAt, List<String> remaining,
                         boolean complete) {
    public PendingRun {
        remaining = List.copyOf(remaining);
    }
}
