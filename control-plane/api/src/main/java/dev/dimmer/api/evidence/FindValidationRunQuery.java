package dev.dimmer.api.evidence;

/** One validation run of a migration with its results; none when the migration has no such run. */
public record FindValidationRunQuery(String migrationId, String runId) {
}
