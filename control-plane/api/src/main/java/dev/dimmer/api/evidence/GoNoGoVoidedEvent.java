package dev.dimmer.api.evidence;

import dev.dimmer.api.migration.WaveFact;
import java.time.Instant;

/**
 * A later failed or errored result of a validation the cutover gate names voided the wave's go/no-go ballots: the
 * voters saw evidence that no longer holds, so a new vote is needed.
 */
public record GoNoGoVoidedEvent(String migrationId, String wave, String runId, String validation,
                                CheckStatus status, String summary, int ballotsVoided, Instant at)
        implements WaveFact {
}
