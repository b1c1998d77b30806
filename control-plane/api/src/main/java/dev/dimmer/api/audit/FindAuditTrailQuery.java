package dev.dimmer.api.audit;

/**
 * Asks for a migration's audit entries after a global position, oldest first; answered with an
 * {@link AuditTrailView}.
 */
public record FindAuditTrailQuery(String migrationId, long afterPosition, int limit) {
}
