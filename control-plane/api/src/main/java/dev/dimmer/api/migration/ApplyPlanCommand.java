package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.plan.MigrationPlan;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a plan as a new migration, or revises the plan of an existing one. */
public record ApplyPlanCommand(@TargetAggregateIdentifier String migrationId, MigrationPlan plan, Provenance provenance)
        implements MigrationCommand {
}
