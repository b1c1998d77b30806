package dev.dimmer.api.evidence;

import dev.dimmer.api.migration.WaveFact;
import java.time.Instant;

/** Every validation of a run has its result; the duration runs from the request to the last result. */
public record ValidationRunCompletedEvent(String migrationId, String wave, String runId, int passed, int failed,
                                          int errored, long durationMillis, Instant at) implements WaveFact {
}
