package dev.dimmer.api.evidence;

/** A migration's validation runs, newest first (one wave's when given), at most {@code limit}; results included. */
public record FindValidationRunsQuery(String migrationId, String wave, int limit) {
}
