package dev.dimmer.api.audit;

import org.axonframework.eventhandling.EventMessage;

/**
 * An event's own place in the log: its global index, which the control plane's event store puts on every event it
 * reads (metadata key {@link AuditMetadata#POSITION}). Not the tracking token's position: a gap-aware token holds the
 * highest index seen so far, so an event committed after one with a higher index would take that one's place.
 */
public final class LogPosition {
    private LogPosition() {
    }

    /** The event's global index; an event read without one is a wiring fault, never a guess. */
    public static long of(EventMessage<?> message) {
        Object value = message.getMetaData().get(AuditMetadata.POSITION);
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("event " + message.getIdentifier() + " (" + message.getPayloadType()
                .getSimpleName() + ") was read without its global index; read events through the control plane's "
                + "event store");
    }
}
