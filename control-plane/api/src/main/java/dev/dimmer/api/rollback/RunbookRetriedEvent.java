package dev.dimmer.api.rollback;

import java.time.Instant;

/** A stalled runbook resumes at {@code fromStep}, the step that failed; the steps before it are not run again. */
public record RunbookRetriedEvent(String migrationId, String wave, RunPurpose purpose, int run, int fromStep,
                                  Instant at) implements RunbookEvent {
}
