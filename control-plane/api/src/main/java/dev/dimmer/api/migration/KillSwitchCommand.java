package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Forces a wave's routing switch to {@code source} at once, before anything else is done: the first move of an
 * incident. The switch stays on {@code source} until its wave next moves forward.
 */
public record KillSwitchCommand(@TargetAggregateIdentifier String migrationId, String routingSwitch,
                                Provenance provenance) implements MigrationCommand {
}
