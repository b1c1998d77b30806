package dev.dimmer.api.evidence;

/** The validation report of a migration, or of one wave when {@code wave} is given. */
public record FindValidationReportQuery(String migrationId, String wave) {
}
