package dev.dimmer.projections.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dimmer.api.audit.AuditMetadata;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.WaveFact;
import dev.dimmer.projections.jdbc.Insert;
import dev.dimmer.projections.jdbc.StatementBatch;
import dev.dimmer.api.audit.LogPosition;
import dev.dimmer.projections.status.StatusProjection;
import jakarta.inject.Singleton;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;

/**
 * The audit trail: every event of every migration with its place in the log, who caused it, through what, why,
 * the correlation and causation ids, and the event itself as JSON. Keyed by the event's own global index, so replays add
 * nothing twice and no event takes another's place.
 */
@Singleton
@ProcessingGroup(StatusProjection.GROUP)
public class AuditProjection {
    private static final Insert ENTRY = Insert.into("audit_entry")
            .bigint("position").text("event_id").timestamptz("time").text("migration_id").text("wave").text("type")
            .text("actor_id").text("actor_name").text("channel").text("reason").text("correlation_id")
            .text("causation_id").json("payload");
    private final ConnectionProvider connections;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public AuditProjection(ConnectionProvider connections) {
        this.connections = connections;
    }

    @EventHandler
    void on(MigrationEvent event, EventMessage<?> message) throws JsonProcessingException {
        MetaData meta = message.getMetaData();
        String payload = json.writeValueAsString(event);
        long position = LogPosition.of(message);
        StatementBatch.insert(this, connections, ENTRY.row(position, message.getIdentifier(), event.at(),
                event.migrationId(), event instanceof WaveFact wave ? wave.wave() : null,
                event.getClass().getSimpleName(), text(meta, AuditMetadata.ACTOR_ID),
                text(meta, AuditMetadata.ACTOR_NAME), text(meta, AuditMetadata.CHANNEL),
                text(meta, AuditMetadata.REASON), text(meta, AuditMetadata.CORRELATION_ID),
                text(meta, AuditMetadata.CAUSATION_ID), payload));
    }

    // DELETE, not TRUNCATE: inside a rebuild's transaction readers go on seeing the old rows until the commit
    @ResetHandler
    void reset() {
        StatementBatch.write(this, connections, "DELETE FROM audit_entry", s -> {
        });
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }
}
