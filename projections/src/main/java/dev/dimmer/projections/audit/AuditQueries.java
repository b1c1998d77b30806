package dev.dimmer.projections.audit;

import dev.dimmer.api.audit.AuditEntryView;
import dev.dimmer.api.audit.AuditTrailView;
import dev.dimmer.api.audit.FindAuditTrailQuery;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.queryhandling.QueryHandler;

/** Answers audit trail queries, oldest first, a page at a time. */
@Singleton
public class AuditQueries {
    private static final String PAGE = """
            SELECT position, time, migration_id, wave, type, actor_id, actor_name, channel, reason, correlation_id,
                   causation_id, event_id, payload::text
              FROM audit_entry WHERE migration_id = ? AND position > ? ORDER BY position LIMIT ?""";
    private final ConnectionProvider connections;

    public AuditQueries(ConnectionProvider connections) {
        this.connections = connections;
    }

    @QueryHandler
    public AuditTrailView handle(FindAuditTrailQuery query) throws SQLException {
        List<AuditEntryView> entries = new ArrayList<>();
        try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(PAGE)) {
            s.setString(1, query.migrationId());
            s.setLong(2, query.afterPosition());
            s.setInt(3, Math.max(1, Math.min(query.limit(), 10_000)));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new AuditEntryView(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3),
                            r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                            r.getString(9), r.getString(10), r.getString(11), r.getString(12), r.getString(13)));
                }
            }
        }
        return new AuditTrailView(entries);
    }
}
