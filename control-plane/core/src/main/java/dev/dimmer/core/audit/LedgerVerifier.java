package dev.dimmer.core.audit;

import dev.dimmer.api.ledger.Leaf;
import dev.dimmer.api.ledger.LedgerAudit;
import dev.dimmer.api.ledger.LedgerAudit.StoredCheckpoint;
import dev.dimmer.api.ledger.LedgerReport;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Recomputes every leaf from the event table as stored and checks the ledger, its roots and every signed
 * checkpoint against the public key, in one repeatable-read snapshot. The rows stream in binary (bytea and texts
 * as their raw bytes, never decoded) while batches of them are hashed on other threads; the checks themselves run
 * on the reading thread, in row order.
 */
public final class LedgerVerifier {
    private static final String JOINED = "SELECT l.leaf_index, l.global_index, l.event_identifier, l.leaf_hash, "
            + "p.leaf_hash, " + EventRows.COLUMNS + " FROM audit_leaf l FULL JOIN domain_event_entry e"
            + " ON e.event_identifier = l.event_identifier"
            + " LEFT JOIN audit_pending p ON p.event_identifier = e.event_identifier";
    private static final int FETCH = 5000;
    private static final int BATCH = 2000;

    private final DataSource dataSource;
    private final SigningKey key;
    private final int threads;

    public LedgerVerifier(DataSource dataSource, SigningKey key) {
        this(dataSource, key, Runtime.getRuntime().availableProcessors());
    }

    public LedgerVerifier(DataSource dataSource, SigningKey key, int threads) {
        this.dataSource = dataSource;
        this.key = key;
        this.threads = Math.max(1, threads);
    }

    /** The whole log, or only the events of {@code migration} (null for all); checkpoints always cover all. */
    public LedgerReport verify(String migration) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            // one more thread than hashers: it reads the stored leaves in leaf order
            ExecutorService hashing = Executors.newFixedThreadPool(threads + 1, r -> {
                Thread thread = new Thread(r, "audit-verify-hash");
                thread.setDaemon(true);
                return thread;
            });
            try {
                return verify(c, migration, hashing);
            } finally {
                hashing.shutdownNow();
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        }
    }

    private LedgerReport verify(Connection c, String migration, ExecutorService hashing) throws SQLException {
        String snapshot;
        try (PreparedStatement s = c.prepareStatement("SELECT pg_export_snapshot()"); ResultSet r = s.executeQuery()) {
            r.next();
            snapshot = r.getString(1);
        }
        List<StoredCheckpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT tree_size, root_hash, signed_note FROM audit_checkpoint");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                checkpoints.add(new StoredCheckpoint(r.getLong(1), r.getBytes(2), r.getString(3)));
            }
        }
        LedgerAudit audit = new LedgerAudit(key.publicKey(), checkpoints);
        // the stored leaves in leaf order (for the roots) on a second connection in the same snapshot, while this
        // one reads the events joined with their leaves: two server processes and two readers at once
        Future<Void> roots = hashing.submit(() -> {
            storedLeaves(snapshot, audit);
            return null;
        });
        checkEvents(c, migration, hashing, audit);
        try {
            roots.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException cause) {
                throw cause;
            }
            throw new IllegalStateException("could not read the stored leaves: " + e.getCause().getMessage(),
                    e.getCause());
        }
        return audit.finish();
    }

    private void storedLeaves(String snapshot, LedgerAudit audit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                try (PreparedStatement s = c.prepareStatement("SET TRANSACTION SNAPSHOT '"
                        + snapshot.replace("'", "''") + "'")) {
                    s.execute();
                }
                try (PreparedStatement s = binary(c.prepareStatement(
                        "SELECT leaf_index, leaf_hash FROM audit_leaf ORDER BY leaf_index"))) {
                    s.setFetchSize(20_000);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            audit.storedLeaf(r.getLong(1), r.getBytes(2));
                        }
                    }
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        }
    }

    private void checkEvents(Connection c, String migration, ExecutorService hashing, LedgerAudit audit)
            throws SQLException {
        String sql = migration == null ? JOINED
                : JOINED + " WHERE l.aggregate_identifier = ? OR e.aggregate_identifier = ?";
        ArrayDeque<Future<List<Row>>> hashed = new ArrayDeque<>();
        try (PreparedStatement s = binary(c.prepareStatement(sql))) {
            if (migration != null) {
                s.setString(1, migration);
                s.setString(2, migration);
            }
            s.setFetchSize(FETCH);
            try (ResultSet r = s.executeQuery()) {
                List<Row> batch = new ArrayList<>(BATCH);
                while (r.next()) {
                    batch.add(Row.of(r));
                    if (batch.size() == BATCH) {
                        hashed.add(hashing.submit(hash(batch)));
                        batch = new ArrayList<>(BATCH);
                        // a few batches in flight: enough to keep every thread busy, little memory
                        while (hashed.size() > 2 * threads) {
                            check(audit, hashed.poll());
                        }
                    }
                }
                hashed.add(hashing.submit(hash(batch)));
            }
        }
        while (!hashed.isEmpty()) {
            check(audit, hashed.poll());
        }
    }

    /** Server-side prepared from the first execution, so results come in binary: bytea as its bytes, not hex. */
    private static PreparedStatement binary(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
            statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
        }
        return statement;
    }

    private static java.util.concurrent.Callable<List<Row>> hash(List<Row> batch) {
        return () -> {
            MessageDigest digest = Leaf.digest();
            for (Row row : batch) {
                if (row.hasEvent) {
                    row.recomputed = Leaf.hash(digest, row.eventId, row.aggregateId, row.sequence, row.type,
                            row.payloadType, row.revision, row.timeStamp, row.payload, row.metaData);
                }
            }
            return batch;
        };
    }

    private static void check(LedgerAudit audit, Future<List<Row>> batch) throws SQLException {
        List<Row> rows;
        try {
            rows = batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while verifying", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not hash the events: " + e.getCause().getMessage(), e.getCause());
        }
        for (Row row : rows) {
            if (!row.hasLeaf && row.pendingHash != null) {
                audit.pendingEvent(row.eventIndex, row.pendingHash, row.recomputed);
            } else if (!row.hasLeaf) {
                audit.eventWithoutLeaf(row.eventIndex, text(row.eventId));
            } else if (!row.hasEvent) {
                audit.leafWithoutEvent(row.leaf, row.leafGlobalIndex, row.leafEventId);
            } else {
                audit.event(row.leaf, row.leafGlobalIndex, row.storedHash, row.eventIndex, row.recomputed, row::leaf);
            }
        }
    }

    private static String text(byte[] utf8) {
        return utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8);
    }

    /** One joined row as the driver hands it over: texts as their UTF-8 bytes, as the canonical form takes them. */
    private static final class Row {
        long leaf;
        boolean hasLeaf;
        long leafGlobalIndex;
        String leafEventId;
        byte[] storedHash;
        byte[] pendingHash;
        long eventIndex;
        boolean hasEvent;
        byte[] eventId;
        byte[] aggregateId;
        long sequence;
        byte[] type;
        byte[] payloadType;
        byte[] revision;
        byte[] timeStamp;
        byte[] payload;
        byte[] metaData;
        byte[] recomputed;

        static Row of(ResultSet r) throws SQLException {
            Row row = new Row();
            row.leaf = r.getLong(1);
            row.hasLeaf = !r.wasNull();
            if (row.hasLeaf) {
                row.leafGlobalIndex = r.getLong(2);
                row.leafEventId = r.getString(3);
                row.storedHash = r.getBytes(4);
            }
            row.pendingHash = r.getBytes(5);
            row.eventIndex = r.getLong(6);
            row.hasEvent = !r.wasNull();
            if (row.hasEvent) {
                row.eventId = r.getBytes(7);
                row.aggregateId = r.getBytes(8);
                row.sequence = r.getLong(9);
                row.type = r.getBytes(10);
                row.payloadType = r.getBytes(11);
                row.revision = r.getBytes(12);
                row.timeStamp = r.getBytes(13);
                row.payload = r.getBytes(14);
                row.metaData = r.getBytes(15);
            }
            return row;
        }

        Leaf leaf() {
            return new Leaf(text(eventId), text(aggregateId), sequence, text(type), text(payloadType), text(revision),
                    text(timeStamp), payload, metaData);
        }
    }
}
