package dev.dimmer.core.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code command_idempotency} table: the first outcome of each command sent with an Idempotency-Key, per actor,
 * kept for the retention period. A stored outcome is claimed and completed inside the command's own transaction.
 */
public final class IdempotencyRecords {
    private static final long PURGE_EVERY_NANOS = Duration.ofMinutes(1).toNanos();
    private final JdbcTransactions transactions;
    private final double retentionSeconds;
    private final AtomicLong lastPurge = new AtomicLong(System.nanoTime() - PURGE_EVERY_NANOS);

    public IdempotencyRecords(JdbcTransactions transactions, Duration retention) {
        this.transactions = transactions;
        this.retentionSeconds = retention.toMillis() / 1000.0;
    }

    /** One first outcome: {@code stored} with the handler's answer as JSON, or {@code refused} with its problem. */
    public record Recorded(String fingerprint, String commandType, String migrationId, String outcome,
                           Integer status, String body, String correlationId) {
        public boolean stored() {
            return "stored".equals(outcome);
        }
    }

    /**
     * Takes the key inside the command's transaction. A concurrent duplicate blocks here on the key's row until the
     * first commits (then it fails and is rolled back) or rolls back (then it goes ahead).
     */
    void claim(String actor, String key, String fingerprint, String type, String migration, String correlation) {
        try {
            Connection c = transactions.getConnection();
            try (PreparedStatement expired = c.prepareStatement("DELETE FROM command_idempotency WHERE actor_id = ? "
                    + "AND idempotency_key = ? AND recorded_at < now() - make_interval(secs => ?)")) {
                expired.setString(1, actor);
                expired.setString(2, key);
                expired.setDouble(3, retentionSeconds);
                expired.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO command_idempotency (actor_id, "
                    + "idempotency_key, fingerprint, command_type, migration_id, outcome, correlation_id) "
                    + "VALUES (?, ?, ?, ?, ?, 'stored', ?)")) {
                bindRequest(insert, actor, key, fingerprint, type, migration);
                insert.setString(6, correlation);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new IdempotencyKeyTakenException(key);
            }
            throw new IllegalStateException("could not record the Idempotency-Key: " + e.getMessage(), e);
        }
    }

    /** Writes the handler's answer onto the claimed row, still inside the command's transaction. */
    void complete(String actor, String key, String body) {
        try (PreparedStatement update = transactions.getConnection().prepareStatement("UPDATE command_idempotency "
                + "SET body = ?, status = 200 WHERE actor_id = ? AND idempotency_key = ?")) {
            update.setString(1, body);
            update.setString(2, actor);
            update.setString(3, key);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the command's outcome: " + e.getMessage(), e);
        }
    }

    /** Keeps a refusal as the key's first outcome; a row already there (a duplicate's) stays as it is. */
    public void refused(String actor, String key, String fingerprint, String type, String migration, int status,
                        String body, String correlation) {
        try (Connection c = transactions.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO command_idempotency (actor_id, idempotency_key, fingerprint, command_type, migration_id, "
                        + "outcome, status, body, correlation_id) VALUES (?, ?, ?, ?, ?, 'refused', ?, ?, ?) "
                        + "ON CONFLICT (actor_id, idempotency_key) DO NOTHING")) {
            bindRequest(insert, actor, key, fingerprint, type, migration);
            insert.setInt(6, status);
            insert.setString(7, body);
            insert.setString(8, correlation);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the refusal: " + e.getMessage(), e);
        }
    }

    public Optional<Recorded> find(String actor, String key) {
        try (Connection c = transactions.getConnection()) {
            purgeNowAndThen(c);
            try (PreparedStatement select = c.prepareStatement("SELECT fingerprint, command_type, migration_id, "
                    + "outcome, status, body, correlation_id FROM command_idempotency WHERE actor_id = ? "
                    + "AND idempotency_key = ? AND recorded_at >= now() - make_interval(secs => ?)")) {
                select.setString(1, actor);
                select.setString(2, key);
                select.setDouble(3, retentionSeconds);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    int status = row.getInt(5);
                    return Optional.of(new Recorded(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.wasNull() ? null : status, row.getString(6), row.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up the Idempotency-Key: " + e.getMessage(), e);
        }
    }

    private void purgeNowAndThen(Connection c) throws SQLException {
        long last = lastPurge.get();
        if (System.nanoTime() - last < PURGE_EVERY_NANOS || !lastPurge.compareAndSet(last, System.nanoTime())) {
            return;
        }
        try (PreparedStatement purge = c.prepareStatement(
                "DELETE FROM command_idempotency WHERE recorded_at < now() - make_interval(secs => ?)")) {
            purge.setDouble(1, retentionSeconds);
            purge.executeUpdate();
        }
    }

    /** The request's part of a row, the same for a claimed key and a kept refusal: parameters 1 to 5. */
    private static void bindRequest(PreparedStatement insert, String actor, String key, String fingerprint,
                                    String type, String migration) throws SQLException {
        insert.setString(1, actor);
        insert.setString(2, key);
        insert.setString(3, fingerprint);
        insert.setString(4, type);
        insert.setString(5, migration);
    }
}
