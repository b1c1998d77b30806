package dev.dimmer.api.migration;

import dev.dimmer.api.plan.MigrationPlan;
import java.time.Instant;

/** A plan became a migration; every wave starts PLANNED. */
public record MigrationRegisteredEvent(String migrationId, MigrationPlan plan, Instant at) implements MigrationEvent {
}
