package dev.dimmer.api.rollback;

import dev.dimmer.api.migration.WaveFact;
import java.time.Instant;
import java.util.List;

/**
 * A wave's rollback was rehearsed and measured, step by step: against the plan's staging section, or as a dry run
 * against the real connections (SQL rolled back, webhooks told it is a rehearsal). A gate with
 * {@code rehearsed_rollback} counts a succeeded one within the plan's {@code rollback.max_duration}.
 */
public record RollbackRehearsedEvent(String migrationId, String wave, boolean dryRun, boolean succeeded,
                                     List<RehearsedStep> steps, long totalMillis, Instant at) implements WaveFact {
    public RollbackRehearsedEvent {
        steps = List.copyOf(steps);
    }
}
