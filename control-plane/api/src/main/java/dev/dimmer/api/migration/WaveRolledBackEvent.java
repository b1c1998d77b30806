package dev.dimmer.api.migration;

import java.time.Instant;

/**
 * A wave went back to SHADOW: the target serves no reads.
 *
 * @param cause what rolled it back when Dimmer did it by itself, e.g. a guard's failed result ("guard
 *              orders-checksum failed in run r-…: 3 rows differ"); null when a person asked
 */
public record WaveRolledBackEvent(String migrationId, String wave, Phase from, int fromWeight, Instant at,
                                  String cause) implements WaveEvent {
    public WaveRolledBackEvent(String migrationId, String wave, Phase from, int fromWeight, Instant at) {
        this(migrationId, wave, from, fromWeight, at, null);
    }

    @Override
    public Phase phase() {
        return Phase.SHADOW;
    }

    @Override
    public int weight() {
        return 0;
    }
}
