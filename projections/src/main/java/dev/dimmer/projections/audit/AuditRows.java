package dev.dimmer.projections.audit;

import dev.dimmer.projections.jdbc.Insert;
import dev.dimmer.projections.jdbc.StatementBatch;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * The audit trail's table, {@code audit_entry}: rows are only added, keyed by the event's global position, so
 * adding one twice changes nothing (and a rebuild can COPY them, see {@link Insert}).
 */
final class AuditRows {
    private static final Insert ENTRY = Insert.into("audit_entry")
            .bigint("position").text("event_id").timestamptz("time").text("migration_id").text("wave").text("type")
            .text("actor_id").text("actor_name").text("channel").text("reason").text("correlation_id")
            .text("causation_id").json("payload");
    private final ConnectionProvider connections;

    AuditRows(ConnectionProvider connections) {
        this.connections = connections;
    }

    void add(AuditRow row) {
        StatementBatch.insert(this, connections, ENTRY.row(row.position(), row.eventId(), row.time(),
                row.migrationId(), row.wave(), row.type(), row.actorId(), row.actorName(), row.channel(),
                row.reason(), row.correlationId(), row.causationId(), row.payload()));
    }

    // DELETE, not TRUNCATE: inside a rebuild's transaction readers go on seeing the old rows until the commit
    void clear() {
        StatementBatch.write(this, connections, "DELETE FROM audit_entry", s -> {
        });
    }
}
