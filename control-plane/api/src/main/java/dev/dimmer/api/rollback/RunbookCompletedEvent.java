package dev.dimmer.api.rollback;

import java.time.Instant;

/**
 * Every step of a runbook succeeded. {@code totalMillis} runs from the command that started it (the rollback or
 * cutover) to the last step's report: for a rollback, the measured recovery time.
 */
public record RunbookCompletedEvent(String migrationId, String wave, RunPurpose purpose, int run, int steps,
                                    long totalMillis, Instant at) implements RunbookEvent {
}
