package dev.dimmer.core.audit;

import dev.dimmer.api.ledger.LedgerAudit;
import dev.dimmer.api.ledger.LedgerAudit.StoredCheckpoint;
import dev.dimmer.api.ledger.LedgerReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Recomputes every leaf from the event table as stored and checks the ledger, its roots and every signed
 * checkpoint against the public key, in one repeatable-read snapshot.
 */
public final class LedgerVerifier {
    private static final String JOINED = "SELECT l.leaf_index, l.global_index, l.event_identifier, l.leaf_hash, "
            + EventRows.COLUMNS + " FROM audit_leaf l FULL JOIN domain_event_entry e"
            + " ON e.event_identifier = l.event_identifier";

    private final DataSource dataSource;
    private final SigningKey key;

    public LedgerVerifier(DataSource dataSource, SigningKey key) {
        this.dataSource = dataSource;
        this.key = key;
    }

    /** The whole log, or only the events of {@code migration} (null for all); checkpoints always cover all. */
    public LedgerReport verify(String migration) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return verify(c, migration);
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        }
    }

    private LedgerReport verify(Connection c, String migration) throws SQLException {
        List<StoredCheckpoint> checkpoints = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT tree_size, root_hash, signed_note FROM audit_checkpoint");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                checkpoints.add(new StoredCheckpoint(r.getLong(1), r.getBytes(2), r.getString(3)));
            }
        }
        LedgerAudit audit = new LedgerAudit(key.publicKey(), checkpoints);
        try (PreparedStatement s = c.prepareStatement("SELECT leaf_index, leaf_hash FROM audit_leaf ORDER BY leaf_index")) {
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    audit.storedLeaf(r.getLong(1), r.getBytes(2));
                }
            }
        }
        String sql = migration == null ? JOINED
                : JOINED + " WHERE l.aggregate_identifier = ? OR e.aggregate_identifier = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (migration != null) {
                s.setString(1, migration);
                s.setString(2, migration);
            }
            s.setFetchSize(2000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long leaf = r.getLong(1);
                    boolean hasLeaf = !r.wasNull();
                    long eventIndex = r.getLong(5);
                    boolean hasEvent = !r.wasNull();
                    if (!hasLeaf) {
                        audit.eventWithoutLeaf(eventIndex, r.getString(6));
                    } else if (!hasEvent) {
                        audit.leafWithoutEvent(leaf, r.getLong(2), r.getString(3));
                    } else {
                        audit.event(leaf, r.getLong(2), r.getBytes(4), eventIndex, EventRows.leaf(r, 5));
                    }
                }
            }
        }
        return audit.finish();
    }
}
