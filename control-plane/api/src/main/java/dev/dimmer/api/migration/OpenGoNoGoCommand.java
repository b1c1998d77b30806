package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the go/no-go vote that a wave's cutover needs; opening again starts a fresh vote. */
public record OpenGoNoGoCommand(@TargetAggregateIdentifier String migrationId, String wave, Provenance provenance)
        implements WaveCommand {
}
