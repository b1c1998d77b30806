package dev.dimmer.projections.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dimmer.api.audit.EventProvenance;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.WaveFact;
import dev.dimmer.projections.EventFacts;

/** The audit trail's rule: every event of a migration is one line, whatever its type. */
public final class AuditFold {
    // maps by key: an event's maps (a plan's connections, a validation's figures) are immutable copies whose order
    // differs from JVM to JVM, and the row must read the same whichever node wrote it or rebuilt it
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private AuditFold() {
    }

    public static AuditRow entry(EventFacts facts) {
        MigrationEvent event = facts.event();
        EventProvenance by = facts.provenance();
        return new AuditRow(facts.position(), facts.eventId(), event.at(), event.migrationId(),
                wave(event), event.getClass().getSimpleName(), by.actorId(), by.actorName(), by.channel(),
                by.reason(), by.correlationId(), by.causationId(), json(event));
    }

    private static String json(MigrationEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " of " + event.migrationId()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String wave(MigrationEvent event) {
        return event instanceof WaveFact fact ? fact.wave() : null;
    }
}
