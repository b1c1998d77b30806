package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves a wave one step forward: to the next phase, or within CANARY to a higher read weight.
 *
 * @param weight the canary weight wanted, or null for the plan's next canary step
 */
public record AdvanceWaveCommand(@TargetAggregateIdentifier String migrationId, String wave, Integer weight,
                                 Provenance provenance) implements WaveCommand {
}
