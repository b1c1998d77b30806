package dev.dimmer.core.migration;

import dev.dimmer.api.plan.MigrationPlan;
import java.time.Instant;
import java.util.Map;

/**
 * What the rules of a wave's transition look at: the migration, the wave, its sibling waves, the canary weight the
 * move asks for (null where none applies), the command's time, the plan and the evidence on record.
 */
record WaveMove(String migration, Wave wave, Map<String, Wave> waves, Integer weight, Instant at,
                MigrationPlan plan, Evidence evidence) {
    WaveMove {
        evidence = evidence == null ? new Evidence() : evidence;
    }

    WaveMove(String migration, Wave wave, Map<String, Wave> waves, Integer weight, Instant at) {
        this(migration, wave, waves, weight, at, null, null);
    }

    WaveMove withWeight(int newWeight) {
        return new WaveMove(migration, wave, waves, newWeight, at, plan, evidence);
    }
}
