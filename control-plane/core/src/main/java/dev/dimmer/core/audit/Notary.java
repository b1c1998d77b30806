package dev.dimmer.core.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Notarises appended events in two steps. In the append's own transaction, with no lock, one statement hashes the
 * new rows as the table stores them (the canonical form of docs/audit.md, computed by PostgreSQL) into
 * {@code audit_pending}; concurrent commands commit side by side. Then the sequencer, under a transaction-scoped
 * advisory lock that only it takes, moves every committed pending row to {@code audit_leaf} with the next contiguous
 * indices, in global-index order within a batch. A leaf's hash is therefore fixed when its event commits; its index
 * when the sequencer next runs (every checkpoint poll and before every checkpoint, verification, proof and export).
 */
public final class Notary {
    /** The lock the sequencer takes, across every node sharing the database. */
    static final long SEQUENCE_LOCK = 0x64696d6d65724c00L;

    /** SHA-256(0x00 ‖ canonical form) of the event row {@code e}, as {@link dev.dimmer.api.ledger.Leaf#hash()}. */
    static final String LEAF_HASH = "sha256('\\x00'::bytea"
            + text("e.event_identifier") + text("e.aggregate_identifier") + text("e.sequence_number::text")
            + text("e.type") + text("e.payload_type") + text("e.payload_revision") + text("e.time_stamp")
            + bytes("e.payload") + bytes("e.meta_data") + ")";

    private static final String PENDING = "INSERT INTO audit_pending (event_identifier, global_index, "
            + "aggregate_identifier, leaf_hash) SELECT e.event_identifier, e.global_index, e.aggregate_identifier, "
            + LEAF_HASH + " FROM domain_event_entry e WHERE e.event_identifier = ANY(?)";
    // one statement: its snapshot is taken after the lock was granted, so it sees every leaf committed before, and
    // the pending rows committed by then; rows committed later wait for the next run
    private static final String SEQUENCE = """
            WITH moved AS (DELETE FROM audit_pending RETURNING *),
                 base AS (SELECT coalesce(max(leaf_index) + 1, 0) AS next FROM audit_leaf)
            INSERT INTO audit_leaf (leaf_index, global_index, event_identifier, aggregate_identifier, leaf_hash)
            SELECT base.next + row_number() OVER (ORDER BY m.global_index) - 1, m.global_index, m.event_identifier,
                   m.aggregate_identifier, m.leaf_hash
              FROM moved m CROSS JOIN base""";
    private static final String UNNOTARISED = "INSERT INTO audit_pending (event_identifier, global_index, "
            + "aggregate_identifier, leaf_hash) SELECT e.event_identifier, e.global_index, e.aggregate_identifier, "
            + LEAF_HASH + " FROM domain_event_entry e ON CONFLICT (event_identifier) DO NOTHING";

    private static String text(String column) {
        return " || coalesce(int4send(octet_length(convert_to(" + column + ", 'UTF8'))) || convert_to(" + column
                + ", 'UTF8'), '\\xffffffff'::bytea)";
    }

    private static String bytes(String column) {
        return " || coalesce(int4send(octet_length(" + column + ")) || " + column + ", '\\xffffffff'::bytea)";
    }

    private volatile boolean paused;
    private final java.util.concurrent.atomic.LongAdder recordNanos = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder sequenceNanos = new java.util.concurrent.atomic.LongAdder();

    /** Time spent so far inside appends' transactions hashing rows into audit_pending, in nanoseconds. */
    public long recordNanos() {
        return recordNanos.sum();
    }

    /** Time spent so far giving pending leaves their indices (off the command path), in nanoseconds. */
    public long sequenceNanos() {
        return sequenceNanos.sum();
    }

    /**
     * Benchmarks only: while paused, appends are not notarised (their events are reported {@code inserted} by every
     * verification), so that one control plane can alternate between the notary off and on under the same load.
     */
    public void pauseForBenchmark(boolean paused) {
        this.paused = paused;
    }

    /** Records the leaf hashes of the events just inserted on this connection, inside its transaction. */
    public void record(Connection connection, List<String> eventIdentifiers) throws SQLException {
        if (eventIdentifiers.isEmpty() || paused) {
            return;
        }
        long started = System.nanoTime();
        Array ids = connection.createArrayOf("text", eventIdentifiers.toArray());
        try (PreparedStatement pending = connection.prepareStatement(PENDING)) {
            pending.setArray(1, ids);
            int recorded = pending.executeUpdate();
            if (recorded != eventIdentifiers.size()) {
                throw new SQLException("notarised " + recorded + " of the " + eventIdentifiers.size()
                        + " events just appended; the others are not in the event table");
            }
        } finally {
            recordNanos.add(System.nanoTime() - started);
        }
    }

    /** Gives every committed pending leaf its index, inside the caller's transaction; how many. */
    public long sequence(Connection connection) throws SQLException {
        long started = System.nanoTime();
        lock(connection);
        try (PreparedStatement move = connection.prepareStatement(SEQUENCE)) {
            return move.executeUpdate();
        } finally {
            sequenceNanos.add(System.nanoTime() - started);
        }
    }

    /**
     * Events written before the ledger existed get leaves in global-index order, once: only while the ledger is
     * empty. Afterwards an event without a leaf is reported as inserted, never quietly notarised.
     */
    public long backfill(Connection connection) throws SQLException {
        lock(connection);
        try (PreparedStatement any = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_leaf)");
             var row = any.executeQuery()) {
            row.next();
            if (row.getBoolean(1)) {
                return 0;
            }
        }
        try (PreparedStatement pending = connection.prepareStatement(UNNOTARISED)) {
            pending.executeUpdate();
        }
        return sequence(connection);
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, SEQUENCE_LOCK);
            lock.execute();
        }
    }
}
