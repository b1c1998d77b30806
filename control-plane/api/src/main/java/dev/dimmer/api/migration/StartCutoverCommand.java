package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends all of a wave's reads to the target. */
public record StartCutoverCommand(@TargetAggregateIdentifier String migrationId, String wave, Provenance provenance)
        implements WaveCommand {
}
