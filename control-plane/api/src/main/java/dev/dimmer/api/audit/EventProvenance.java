package dev.dimmer.api.audit;

import java.util.Map;

/**
 * Who caused an event, through what and why, read once from its metadata by the one reader of
 * {@link AuditMetadata}'s keys: every consumer (views, notifier) asks this record, never the keys. The time is not
 * here: it is the event's own {@code at}.
 *
 * @param actorRoles the actor's roles when they acted, comma-separated labels; empty for an actor with none
 */
public record EventProvenance(String actorId, String actorName, String actorRoles, String channel, String reason,
                              String correlationId, String causationId, String idempotencyKey) {

    public static EventProvenance of(Map<String, ?> metadata) {
        return new EventProvenance(text(metadata, AuditMetadata.ACTOR_ID), text(metadata, AuditMetadata.ACTOR_NAME),
                text(metadata, AuditMetadata.ACTOR_ROLES), text(metadata, AuditMetadata.CHANNEL),
                text(metadata, AuditMetadata.REASON), text(metadata, AuditMetadata.CORRELATION_ID),
                text(metadata, AuditMetadata.CAUSATION_ID), text(metadata, AuditMetadata.IDEMPOTENCY_KEY));
    }

    /** Whether the actor held any role when they acted (a stranger holds none). */
    public boolean heldARole() {
        return actorRoles != null && !actorRoles.isBlank();
    }

    private static String text(Map<String, ?> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
