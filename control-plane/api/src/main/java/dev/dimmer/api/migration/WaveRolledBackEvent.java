package dev.dimmer.api.migration;

import java.time.Instant;

/** A wave went back to SHADOW: the target serves no reads. */
public record WaveRolledBackEvent(String migrationId, String wave, Phase from, int fromWeight, Instant at)
        implements WaveEvent {
    @Override
    public Phase phase() {
        return Phase.SHADOW;
    }

    @Override
    public int weight() {
        return 0;
    }
}
