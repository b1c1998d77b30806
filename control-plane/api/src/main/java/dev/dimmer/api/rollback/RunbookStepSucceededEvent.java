package dev.dimmer.api.rollback;

import java.time.Instant;

/**
 * A step did its work. {@code detail} says what it did in a few words ("HTTP 200", "3 rows", a notify step's
 * message); {@code durationMillis} is measured by the executor.
 */
public record RunbookStepSucceededEvent(String migrationId, String wave, RunPurpose purpose, int run, int step,
                                        String kind, long durationMillis, String detail, Instant at)
        implements RunbookEvent {
}
