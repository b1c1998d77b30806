package dev.dimmer.api.rollback;

import java.time.Instant;

/**
 * A runbook stopped at a failed step; {@code dimmer rollback retry MIGRATION WAVE} resumes it from that step.
 */
public record RunbookStalledEvent(String migrationId, String wave, RunPurpose purpose, int run, int step,
                                  String reason, Instant at) implements RunbookEvent {
}
