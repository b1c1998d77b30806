package dev.dimmer.api.migration;

import dev.dimmer.api.plan.MigrationPlan;
import java.time.Instant;
import java.util.List;

/** The migration's plan changed; {@code changes} says what changed, one readable line each. */
public record PlanRevisedEvent(String migrationId, MigrationPlan plan, List<String> changes, Instant at)
        implements MigrationEvent {
    public PlanRevisedEvent {
        changes = List.copyOf(changes);
    }
}
