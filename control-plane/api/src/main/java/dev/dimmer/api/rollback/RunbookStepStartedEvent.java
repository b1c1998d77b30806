package dev.dimmer.api.rollback;

import java.time.Instant;

/** The executor began step {@code step} of a runbook. */
public record RunbookStepStartedEvent(String migrationId, String wave, RunPurpose purpose, int run, int step,
                                      String kind, String description, Instant at) implements RunbookEvent {
}
