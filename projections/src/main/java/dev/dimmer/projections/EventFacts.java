package dev.dimmer.projections;

import dev.dimmer.api.audit.EventProvenance;
import dev.dimmer.api.audit.LogPosition;
import dev.dimmer.api.migration.MigrationEvent;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/**
 * What a view's fold knows of an event: the event, its message id, its own global index in the log, the
 * migration's version after it (the aggregate's sequence number, -1 for an event no aggregate applied) and the
 * metadata it carries (who, through what, why).
 */
public record EventFacts(MigrationEvent event, String eventId, long position, long version, Map<String, ?> metadata) {
    public static EventFacts of(MigrationEvent event, EventMessage<?> message) {
        long version = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        return new EventFacts(event, message.getIdentifier(), LogPosition.of(message), version,
                message.getMetaData());
    }

    /** Who caused the event, through what and why. */
    public EventProvenance provenance() {
        return EventProvenance.of(metadata);
    }

    public String actorName() {
        return provenance().actorName();
    }
}
