package dev.dimmer.projections.export;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;

/** Reads stored events with their ledger leaves, the leaves themselves and the signed checkpoints. */
@Singleton
public class LedgerRows {
    private static final String COLUMNS = """
            SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data, l.leaf_index, l.leaf_hash
              FROM domain_event_entry e LEFT JOIN audit_leaf l ON l.event_identifier = e.event_identifier""";
    private static final String OF_MIGRATION = COLUMNS + " WHERE e.aggregate_identifier = ? ORDER BY e.global_index";
    private static final String ONE = COLUMNS + " WHERE e.event_identifier = ?";
    private static final String LEAVES = "SELECT leaf_hash FROM audit_leaf WHERE leaf_index < ? ORDER BY leaf_index";
    private static final String CHECKPOINT = """
            SELECT tree_size, root_hash, signed_note, created_at FROM audit_checkpoint""";
    private static final String NEW_LEAVES = "SELECT leaf_index, leaf_hash FROM audit_leaf WHERE leaf_index >= ?"
            + " AND leaf_index < ? ORDER BY leaf_index";
    private final ConnectionProvider connections;
    private final LedgerTree tree = new LedgerTree();

    public LedgerRows(ConnectionProvider connections) {
        this.connections = connections;
    }

    /**
     * The ledger's tree, holding at least the first {@code size} leaves: kept between requests, only the leaves
     * appended since the last one are read.
     */
    public LedgerTree tree(long size) {
        synchronized (tree) {
            if (tree.size() >= size) {
                return tree;
            }
            try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(NEW_LEAVES)) {
                s.setLong(1, tree.size());
                s.setLong(2, size);
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (r.getLong(1) != tree.size()) {
                            break;
                        }
                        tree.append(r.getBytes(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the ledger's leaves: " + e.getMessage(), e);
            }
            if (tree.size() < size) {
                throw new IllegalStateException("the ledger has no leaf " + tree.size() + "; a checkpoint of "
                        + size + " needs every leaf below it (dimmer audit verify names what happened)");
            }
            return tree;
        }
    }

    /** Every signed checkpoint, smallest first. */
    public List<StoredCheckpoint> checkpoints() {
        return checkpoints(CHECKPOINT + " ORDER BY tree_size", List.of());
    }

    /** Up to {@code limit} signed checkpoints of trees smaller than {@code before} (all when null), newest first. */
    public List<StoredCheckpoint> checkpoints(Long before, int limit) {
        return before == null
                ? checkpoints(CHECKPOINT + " ORDER BY tree_size DESC LIMIT ?", List.of((long) limit))
                : checkpoints(CHECKPOINT + " WHERE tree_size < ? ORDER BY tree_size DESC LIMIT ?",
                        List.of(before, (long) limit));
    }

    private List<StoredCheckpoint> checkpoints(String sql, List<Long> values) {
        List<StoredCheckpoint> all = new ArrayList<>();
        try (Connection c = connections.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                s.setLong(i + 1, values.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(new StoredCheckpoint(r.getLong(1), r.getBytes(2), r.getString(3),
                            r.getTimestamp(4).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger's checkpoints: " + e.getMessage(), e);
        }
        return all;
    }

    public List<StoredEvent> migration(String migration) {
        return events(OF_MIGRATION, migration);
    }

    public Optional<StoredEvent> event(String eventIdentifier) {
        return events(ONE, eventIdentifier).stream().findFirst();
    }

    /** The hashes of the first {@code size} leaves, in leaf order. */
    public List<byte[]> leafHashes(long size) {
        List<byte[]> hashes = new ArrayList<>((int) Math.min(size, 1 << 20));
        try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(LEAVES)) {
            s.setLong(1, size);
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    hashes.add(r.getBytes(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger's leaves: " + e.getMessage(), e);
        }
        if (hashes.size() != size) {
            throw new IllegalStateException("the ledger has " + hashes.size() + " leaves below " + size
                    + "; a checkpoint of " + size + " needs them all");
        }
        return hashes;
    }

    public Optional<StoredCheckpoint> newestCheckpoint() {
        return checkpoint(CHECKPOINT + " ORDER BY tree_size DESC LIMIT 1", null);
    }

    public Optional<StoredCheckpoint> checkpoint(long treeSize) {
        return checkpoint(CHECKPOINT + " WHERE tree_size = ?", treeSize);
    }

    private Optional<StoredCheckpoint> checkpoint(String sql, Long treeSize) {
        try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (treeSize != null) {
                s.setLong(1, treeSize);
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredCheckpoint(r.getLong(1), r.getBytes(2), r.getString(3),
                        r.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger's checkpoints: " + e.getMessage(), e);
        }
    }

    private List<StoredEvent> events(String sql, String key) {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key);
            s.setFetchSize(1_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long leaf = r.getLong(11);
                    events.add(new StoredEvent(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getBytes(9),
                            r.getBytes(10), r.wasNull() ? null : leaf, r.getBytes(12)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored events: " + e.getMessage(), e);
        }
        return events;
    }
}
