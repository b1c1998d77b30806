package dev.dimmer.core.migration;

import dev.dimmer.api.migration.TimeOverride;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the rules of a wave's transition look at: the migration, the wave, its sibling waves, the canary weight the
 * move asks for (null where none applies), the command's time, the plan, the evidence on record and the time rules
 * a lead sets aside for it.
 */
record WaveMove(String migration, Wave wave, Map<String, Wave> waves, Integer weight, Instant at,
                MigrationPlan plan, Evidence evidence, Set<TimeOverride> overrides) {
    WaveMove {
        evidence = evidence == null ? new Evidence() : evidence;
        overrides = overrides == null ? Set.of() : Set.copyOf(overrides);
    }

    WaveMove(String migration, Wave wave, Map<String, Wave> waves, Integer weight, Instant at, MigrationPlan plan,
             Evidence evidence) {
        this(migration, wave, waves, weight, at, plan, evidence, Set.of());
    }

    WaveMove(String migration, Wave wave, Map<String, Wave> waves, Integer weight, Instant at) {
        this(migration, wave, waves, weight, at, null, null);
    }

    WaveMove withWeight(int newWeight) {
        return new WaveMove(migration, wave, waves, newWeight, at, plan, evidence, overrides);
    }

    /** The same move with the time rules a lead sets aside for it. */
    WaveMove overriding(Set<TimeOverride> asked) {
        return new WaveMove(migration, wave, waves, weight, at, plan, evidence, asked);
    }

    /** The wave's plan; empty when the move has no plan (tests of single rules). */
    java.util.Optional<WavePlan> wavePlan() {
        return plan == null ? java.util.Optional.empty() : plan.wave(wave.name());
    }
}
