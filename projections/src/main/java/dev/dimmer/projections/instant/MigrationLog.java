package dev.dimmer.projections.instant;

import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.projections.EventFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * One migration's events straight from the event table, from its first event (snapshots are never read), in
 * sequence order, each with its own global index and the time the store stamped on it. The store's aggregate reads
 * do not carry the global index, so the rows are read here with it and deserialised with the store's serializer;
 * in a read-only transaction, so the cursor streams and nothing can be written.
 */
final class MigrationLog {
    private static final String EVENTS = """
            SELECT global_index, event_identifier, time_stamp, sequence_number, payload_type, payload_revision,
                   payload, meta_data
              FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""";
    private static final int FETCH = 2000;
    private final TransactionManager transactions;
    private final ConnectionProvider connections;
    private final Serializer serializer;

    MigrationLog(TransactionManager transactions, ConnectionProvider connections, Serializer serializer) {
        this.transactions = transactions;
        this.connections = connections;
        this.serializer = serializer;
    }

    /**
     * Hands each event the cutoff takes to {@code each}, in sequence, and answers the first one it did not take
     * (null when it took them all).
     */
    LoggedEvent read(String migrationId, Cutoff cutoff, Consumer<LoggedEvent> each) {
        Transaction transaction = transactions.startTransaction();
        try (Connection c = connections.getConnection()) {
            try (var readOnly = c.createStatement()) {
                readOnly.execute("SET TRANSACTION READ ONLY");
            }
            try (PreparedStatement s = c.prepareStatement(EVENTS)) {
                s.setFetchSize(FETCH);
                s.setString(1, migrationId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long position = r.getLong(1);
                        String id = r.getString(2);
                        Instant storedAt = Instant.parse(r.getString(3));
                        if (!cutoff.takes(position, storedAt, id)) {
                            return event(r, position, id, storedAt);
                        }
                        LoggedEvent event = event(r, position, id, storedAt);
                        if (event != null) {
                            each.accept(event);
                        }
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the events of " + migrationId + ": " + e.getMessage(), e);
        } finally {
            transaction.rollback();
        }
    }

    private LoggedEvent event(ResultSet r, long position, String id, Instant storedAt) throws SQLException {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(r.getBytes(7), byte[].class,
                r.getString(5), r.getString(6)));
        if (!(payload instanceof MigrationEvent event)) {
            return null;
        }
        MetaData metaData = serializer.deserialize(new SerializedMetaData<>(r.getBytes(8), byte[].class));
        return new LoggedEvent(new EventFacts(event, id, position, r.getLong(4), metaData), storedAt);
    }
}
