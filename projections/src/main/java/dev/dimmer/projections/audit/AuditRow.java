package dev.dimmer.projections.audit;

import java.time.Instant;

/**
 * One line of the audit trail: the event at its place in the log, who caused it, through what, why, the
 * conversation it belongs to (correlation) and the message that caused it (causation), and the event as JSON.
 */
public record AuditRow(long position, String eventId, Instant time, String migrationId, String wave, String type,
                       String actorId, String actorName, String channel, String reason, String correlationId,
                       String causationId, String payload) {
}
