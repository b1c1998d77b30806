package dev.dimmer.api.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One event of the log as an auditor reads it: where it stands in the log, what happened, who did it, through
 * what and why.
 *
 * @param position    the event's global position in the log
 * @param time        when the command that caused it was issued
 * @param payload     the event as JSON
 */
public record AuditEntryView(long position, Instant time, String migration, String wave, String type, String actor,
                             String actorName, String channel, String reason, String correlationId,
                             String causationId, String eventId, @JsonRawValue String payload) {
}
