package dev.dimmer.core.audit;

import dev.dimmer.api.ledger.Leaf;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Gives each appended event its leaf in the append's own transaction: under a transaction-scoped advisory lock the
 * next leaf index is read and the new rows are read back as stored, so the hash covers the bytes the table holds
 * and indices stay contiguous across every node sharing the database.
 */
public final class Notary {
    /** The lock every appender takes; released at commit, so leaves commit in index order. */
    static final long APPEND_LOCK = 0x64696d6d65724c00L;

    // the next leaf index comes with the new rows: one round trip, in a statement whose snapshot is taken after the
    // lock was granted, so it sees every leaf committed before
    private static final String NEW_EVENTS = "SELECT (SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_leaf), "
            + EventRows.COLUMNS + " FROM domain_event_entry e WHERE e.event_identifier = ANY(?)"
            + " ORDER BY e.global_index";
    private static final String UNNOTARISED = "SELECT " + EventRows.COLUMNS + " FROM domain_event_entry e"
            + " ORDER BY e.global_index";
    private static final String INSERT = "INSERT INTO audit_leaf"
            + " (leaf_index, global_index, event_identifier, aggregate_identifier, leaf_hash) VALUES (?, ?, ?, ?, ?)";

    /** Records the leaves of the events just inserted on this connection, inside its transaction. */
    public void record(Connection connection, List<String> eventIdentifiers) throws SQLException {
        if (eventIdentifiers.isEmpty()) {
            return;
        }
        lock(connection);
        Array ids = connection.createArrayOf("text", eventIdentifiers.toArray());
        try (PreparedStatement select = connection.prepareStatement(NEW_EVENTS);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            select.setArray(1, ids);
            try (ResultSet rows = select.executeQuery()) {
                long next = -1;
                while (rows.next()) {
                    next = next < 0 ? rows.getLong(1) : next;
                    add(insert, next++, rows.getLong(2), EventRows.leaf(rows, 2));
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * Events written before the ledger existed get leaves in global-index order, once: only while the ledger is
     * empty. Afterwards an event without a leaf is reported as inserted, never quietly notarised.
     */
    public long backfill(Connection connection) throws SQLException {
        long next = lockAndNextIndex(connection);
        if (next > 0) {
            return 0;
        }
        long count = 0;
        try (PreparedStatement select = connection.prepareStatement(UNNOTARISED);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            select.setFetchSize(2000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    add(insert, next++, rows.getLong(1), EventRows.leaf(rows, 1));
                    if (++count % 2000 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
        return count;
    }

    private static long lockAndNextIndex(Connection connection) throws SQLException {
        lock(connection);
        try (PreparedStatement max = connection.prepareStatement("SELECT coalesce(max(leaf_index) + 1, 0) FROM audit_leaf");
             ResultSet row = max.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, APPEND_LOCK);
            lock.execute();
        }
    }

    private static void add(PreparedStatement insert, long index, long globalIndex, Leaf leaf) throws SQLException {
        insert.setLong(1, index);
        insert.setLong(2, globalIndex);
        insert.setString(3, leaf.eventIdentifier());
        insert.setString(4, leaf.aggregateIdentifier());
        insert.setBytes(5, leaf.hash());
        insert.addBatch();
    }
}
