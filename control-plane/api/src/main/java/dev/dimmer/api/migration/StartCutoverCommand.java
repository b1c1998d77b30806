package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends all of a wave's reads to the target. */
public record StartCutoverCommand(@TargetAggregateIdentifier String migrationId, String wave, Provenance provenance,
                                  Set<TimeOverride> overrides) implements WaveCommand {
    public StartCutoverCommand {
        overrides = overrides == null ? Set.of() : Set.copyOf(overrides);
    }

    public StartCutoverCommand(String migrationId, String wave, Provenance provenance) {
        this(migrationId, wave, provenance, Set.of());
    }
}
