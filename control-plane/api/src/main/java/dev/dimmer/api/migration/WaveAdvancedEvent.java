package dev.dimmer.api.migration;

import java.time.Instant;

/** A wave moved to its next phase. */
public record WaveAdvancedEvent(String migrationId, String wave, Phase from, Phase phase, int weight, Instant at)
        implements WaveEvent {
}
