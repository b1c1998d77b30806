package dev.dimmer.api.evidence;

import dev.dimmer.api.migration.WaveFact;
import java.time.Instant;
import java.util.List;

/** A run of a wave's validations was asked for; the runner executes them outside the aggregate. */
public record ValidationRunRequestedEvent(String migrationId, String wave, String runId, List<String> validations,
                                          Instant at) implements WaveFact {
    public ValidationRunRequestedEvent {
        validations = List.copyOf(validations);
    }
}
