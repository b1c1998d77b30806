package dev.dimmer.projections.instant;

import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.projections.EventFacts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * in a read-only transaction, so the cursor streams and nothing can be written. Rows come in binary (the payloads'
 * bytes as stored, not hex) and are deserialised in batches on every core while the next rows are read; the
 * caller still sees them one by one, in sequence.
 */
final class MigrationLog {
    private static final String EVENTS = """
            SELECT global_index, event_identifier, time_stamp, sequence_number, payload_type, payload_revision,
                   payload, meta_data
              FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""";
    private static final int FETCH = 5000;
    private static final int BATCH = 1000;
    private static final int THREADS = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService DECODING = Executors.newFixedThreadPool(THREADS, r -> {
        Thread thread = new Thread(r, "audit-at-decode");
        thread.setDaemon(true);
        return thread;
    });
    private final TransactionManager transactions;
    private final ConnectionProvider connections;
    private final Serializer serializer;

    MigrationLog(TransactionManager transactions, ConnectionProvider connections, Serializer serializer) {
        this.transactions = transactions;
        this.connections = connections;
        this.serializer = serializer;
    }

    /** A row as read, not yet deserialised. */
    private record Row(long position, String id, String timeStamp, Instant storedAt, long sequence, String type,
                       String revision, byte[] payload, byte[] metaData) {
    }

    /**
     * Hands each event the cutoff takes to {@code each}, in sequence, and answers the first one it did not take
     * (null when it took them all).
     */
    LoggedEvent read(String migrationId, Cutoff cutoff, Consumer<LoggedEvent> each) {
        Transaction transaction = transactions.startTransaction();
        ArrayDeque<Future<List<LoggedEvent>>> decoded = new ArrayDeque<>();
        try (Connection c = connections.getConnection()) {
            try (var readOnly = c.createStatement()) {
                readOnly.execute("SET TRANSACTION READ ONLY");
            }
            try (PreparedStatement s = c.prepareStatement(EVENTS)) {
                if (s.isWrapperFor(org.postgresql.PGStatement.class)) {
                    // server-prepared at once, so bytea comes in binary
                    s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                }
                s.setFetchSize(FETCH);
                s.setString(1, migrationId);
                boolean byTime = cutoff instanceof Cutoff.AtInstant;
                try (ResultSet r = s.executeQuery()) {
                    List<Row> batch = new ArrayList<>(BATCH);
                    while (r.next()) {
                        long position = r.getLong(1);
                        String id = r.getString(2);
                        String timeStamp = r.getString(3);
                        Instant storedAt = byTime ? Instant.parse(timeStamp) : null;
                        Row row = new Row(position, id, timeStamp, storedAt, r.getLong(4), r.getString(5),
                                r.getString(6), r.getBytes(7), r.getBytes(8));
                        if (!cutoff.takes(position, storedAt, id)) {
                            deliver(decoded, batch, each);
                            return event(row);
                        }
                        batch.add(row);
                        if (batch.size() == BATCH) {
                            List<Row> full = batch;
                            decoded.add(DECODING.submit(() -> decode(full)));
                            batch = new ArrayList<>(BATCH);
                            while (decoded.size() > 2 * THREADS) {
                                take(decoded.poll(), each);
                            }
                        }
                    }
                    deliver(decoded, batch, each);
                }
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the events of " + migrationId + ": " + e.getMessage(), e);
        } finally {
            decoded.forEach(f -> f.cancel(true));
            transaction.rollback();
        }
    }

    private void deliver(ArrayDeque<Future<List<LoggedEvent>>> decoded, List<Row> last, Consumer<LoggedEvent> each) {
        while (!decoded.isEmpty()) {
            take(decoded.poll(), each);
        }
        decode(last).forEach(each);
    }

    private static void take(Future<List<LoggedEvent>> batch, Consumer<LoggedEvent> each) {
        try {
            batch.get().forEach(each);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the log", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    private List<LoggedEvent> decode(List<Row> rows) {
        List<LoggedEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            LoggedEvent event = event(row);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private LoggedEvent event(Row row) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(row.payload(), byte[].class, row.type(),
                row.revision()));
        if (!(payload instanceof MigrationEvent event)) {
            return null;
        }
        MetaData metaData = serializer.deserialize(new SerializedMetaData<>(row.metaData(), byte[].class));
        Instant storedAt = row.storedAt() != null ? row.storedAt() : Instant.parse(row.timeStamp());
        return new LoggedEvent(new EventFacts(event, row.id(), row.position(), row.sequence(), metaData), storedAt);
    }
}
