package dev.dimmer.api.migration;

import java.time.Instant;

/** A wave's reads all go to the target. */
public record CutoverStartedEvent(String migrationId, String wave, int fromWeight, Instant at) implements WaveEvent {
    @Override
    public Phase phase() {
        return Phase.CUTOVER;
    }

    @Override
    public int weight() {
        return 100;
    }
}
