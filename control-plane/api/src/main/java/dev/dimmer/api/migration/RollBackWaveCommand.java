package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Returns a wave to the safe state: SHADOW, with no reads on the target. */
public record RollBackWaveCommand(@TargetAggregateIdentifier String migrationId, String wave, Provenance provenance)
        implements WaveCommand {
}
