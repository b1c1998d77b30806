package dev.dimmer.core.audit;

import dev.dimmer.api.ledger.Checkpoint;
import dev.dimmer.outbox.CheckpointWitness;
import dev.dimmer.api.ledger.CompactRange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Gives pending leaves their indices (the notary's sequencer), then signs a checkpoint of the ledger when 1,000
 * leaves or 60 s have passed since the newest one (and on demand).
 * The root grows incrementally from the leaves read since the last call. Nodes serialise on an advisory lock and
 * {@code ON CONFLICT} keeps one row per tree size.
 */
public final class Checkpointer {
    static final long CHECKPOINT_LOCK = 0x64696d6d65724c01L;

    private final DataSource dataSource;
    private final Notary notary;
    private final SigningKey key;
    private final Clock clock;
    private final long everyLeaves;
    private final Duration everyTime;
    private final CompactRange range = new CompactRange();
    private List<CheckpointWitness> witnesses = List.of();

    /** Witnesses told of every checkpoint this node signs, in its transaction (the Slack threads, when on). */
    public void witnesses(List<CheckpointWitness> witnesses) {
        this.witnesses = List.copyOf(witnesses);
    }

    public Checkpointer(DataSource dataSource, Notary notary, SigningKey key, Clock clock, long everyLeaves,
                        Duration everyTime) {
        this.dataSource = dataSource;
        this.notary = notary;
        this.key = key;
        this.clock = clock;
        this.everyLeaves = everyLeaves;
        this.everyTime = everyTime;
    }

    /** Signs a checkpoint if one is due (or, when {@code now} is asked, whenever leaves are uncovered); its size. */
    public synchronized long checkpoint(boolean now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long size = sign(connection, now);
                connection.commit();
                return size;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private long sign(Connection connection, boolean now) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, CHECKPOINT_LOCK);
            lock.execute();
        }
        // the leaves committed since the last run get their indices first, in this transaction
        notary.sequence(connection);
        long lastSize = -1;
        Instant lastTime = Instant.EPOCH;
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT tree_size, created_at FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1");
             ResultSet r = s.executeQuery()) {
            if (r.next()) {
                lastSize = r.getLong(1);
                lastTime = r.getTimestamp(2).toInstant();
            }
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT leaf_index, leaf_hash FROM audit_leaf WHERE leaf_index >= ? ORDER BY leaf_index")) {
            s.setLong(1, range.size());
            s.setFetchSize(5000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getLong(1) != range.size()) {
                        throw new IllegalStateException("the ledger has no leaf " + range.size() + "; verify it");
                    }
                    range.append(r.getBytes(2));
                }
            }
        }
        long size = range.size();
        Instant time = clock.instant();
        boolean due = size > lastSize && (now || lastSize < 0 || size - lastSize >= everyLeaves
                || Duration.between(lastTime, time).compareTo(everyTime) >= 0);
        if (!due) {
            return Math.max(lastSize, 0);
        }
        byte[] root = range.root();
        String note = new Checkpoint(key.origin(), size, root, List.of("time " + time))
                .sign(key.origin(), key.pair().getPrivate(), key.publicKey());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_checkpoint"
                + " (tree_size, root_hash, signed_note, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setLong(1, size);
            insert.setBytes(2, root);
            insert.setString(3, note);
            insert.setTimestamp(4, Timestamp.from(time));
            if (insert.executeUpdate() == 1) {
                for (CheckpointWitness witness : witnesses) {
                    witness.signed(connection, Math.max(lastSize, 0), size, note);
                }
            }
        }
        return size;
    }
}
