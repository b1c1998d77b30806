package dev.dimmer.projections.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dimmer.api.audit.AuditMetadata;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.WaveFact;
import dev.dimmer.projections.jdbc.StatementBatch;
import dev.dimmer.projections.status.Positions;
import dev.dimmer.projections.status.StatusProjection;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.sql.Types;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;

/**
 * The audit trail: every event of every migration with its place in the log, who caused it, through what, why,
 * the correlation and causation ids, and the event itself as JSON. Keyed by global position, so replays add
 * nothing twice.
 */
@Singleton
@ProcessingGroup(StatusProjection.GROUP)
public class AuditProjection {
    private static final String INSERT = """
            INSERT INTO audit_entry (position, event_id, time, migration_id, wave, type, actor_id, actor_name,
                                     channel, reason, correlation_id, causation_id, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json)
            ON CONFLICT DO NOTHING""";
    private final ConnectionProvider connections;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public AuditProjection(ConnectionProvider connections) {
        this.connections = connections;
    }

    @EventHandler
    void on(MigrationEvent event, EventMessage<?> message, TrackingToken token) throws JsonProcessingException {
        MetaData meta = message.getMetaData();
        String payload = json.writeValueAsString(event);
        long position = Positions.of(token);
        StatementBatch.write(this, connections, INSERT, s -> {
            s.setLong(1, position);
            s.setString(2, message.getIdentifier());
            s.setTimestamp(3, Timestamp.from(event.at()));
            s.setString(4, event.migrationId());
            if (event instanceof WaveFact wave) {
                s.setString(5, wave.wave());
            } else {
                s.setNull(5, Types.VARCHAR);
            }
            s.setString(6, event.getClass().getSimpleName());
            s.setString(7, text(meta, AuditMetadata.ACTOR_ID));
            s.setString(8, text(meta, AuditMetadata.ACTOR_NAME));
            s.setString(9, text(meta, AuditMetadata.CHANNEL));
            s.setString(10, text(meta, AuditMetadata.REASON));
            s.setString(11, text(meta, AuditMetadata.CORRELATION_ID));
            s.setString(12, text(meta, AuditMetadata.CAUSATION_ID));
            s.setString(13, payload);
        });
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
