package dev.dimmer.api.migration;

import java.time.Instant;

/** A wave in CANARY sends a larger share of reads to the target. */
public record CanaryWeightRaisedEvent(String migrationId, String wave, int fromWeight, int weight, Instant at)
        implements WaveEvent {
    @Override
    public Phase phase() {
        return Phase.CANARY;
    }
}
