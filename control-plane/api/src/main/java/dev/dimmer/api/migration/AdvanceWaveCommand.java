package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves a wave one step forward: to the next phase, or within CANARY to a higher read weight.
 *
 * @param overrides time rules a lead sets aside for this move (audited with the reason)
 * @param weight the canary weight wanted, or null for the plan's next canary step
 */
public record AdvanceWaveCommand(@TargetAggregateIdentifier String migrationId, String wave, Integer weight,
                                 Provenance provenance, Set<TimeOverride> overrides) implements WaveCommand {
    public AdvanceWaveCommand {
        overrides = overrides == null ? Set.of() : Set.copyOf(overrides);
    }

    public AdvanceWaveCommand(String migrationId, String wave, Integer weight, Provenance provenance) {
        this(migrationId, wave, weight, provenance, Set.of());
    }
}
