package dev.dimmer.api.rollback;

import java.time.Instant;

/** A step failed after its own retries; {@code reason} is one line. */
public record RunbookStepFailedEvent(String migrationId, String wave, RunPurpose purpose, int run, int step,
                                     String kind, long durationMillis, String reason, Instant at) implements RunbookEvent {
}
