package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a migration for good; it takes no further commands. */
public record AbortMigrationCommand(@TargetAggregateIdentifier String migrationId, Provenance provenance)
        implements MigrationCommand {
}
