package dev.dimmer.core.migration;

import java.time.Instant;
import java.util.Map;

/**
 * What the rules of a wave's transition look at: the migration, the wave, its sibling waves, the canary weight the
 * move asks for (null where none applies) and the command's time.
 */
record WaveMove(String migration, Wave wave, Map<String, Wave> waves, Integer weight, Instant at) {
    WaveMove withWeight(int newWeight) {
        return new WaveMove(migration, wave, waves, newWeight, at);
    }
}
