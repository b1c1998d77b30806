package dev.dimmer.api.plan;

import java.util.List;
import java.util.Optional;

/** A migration plan as registered: the plan's slug is the migration's id. */
public record MigrationPlan(String slug, String title, List<Owner> owners, List<WavePlan> waves) {
    public MigrationPlan {
        owners = owners == null ? List.of() : List.copyOf(owners);
        waves = waves == null ? List.of() : List.copyOf(waves);
    }

    public Optional<WavePlan> wave(String name) {
        return waves.stream().filter(w -> w.name().equals(name)).findFirst();
    }
}
