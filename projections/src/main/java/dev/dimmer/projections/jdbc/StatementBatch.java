package dev.dimmer.projections.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects a processor batch's projection writes as JDBC batches and sends them when the unit of work prepares to
 * commit, in the transaction that also stores the token. Consecutive writes with the same SQL share one batch;
 * a different SQL flushes first, so writes keep the order of the events.
 */
public final class StatementBatch {
    private static final String RESOURCE = StatementBatch.class.getName();
    private final ConnectionProvider connections;
    private Connection connection;
    private PreparedStatement statement;
    private String sql;

    private StatementBatch(ConnectionProvider connections) {
        this.connections = connections;
    }

    /**
     * Queues a write in the current unit of work, or runs it at once when there is none. Each projection keeps its
     * own queue, so one projection's writes do not break up another's batches.
     */
    public static void write(Object projection, ConnectionProvider connections, String sql, Binder binder) {
        if (!CurrentUnitOfWork.isStarted()) {
            try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("projection write failed: " + e.getMessage(), e);
            }
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        StatementBatch batch = root.getOrComputeResource(RESOURCE + "." + projection.getClass().getName(), key -> {
            StatementBatch created = new StatementBatch(connections);
            root.onPrepareCommit(u -> created.flush());
            root.onCleanup(u -> created.close());
            return created;
        });
        batch.add(sql, binder);
    }

    private void add(String newSql, Binder binder) {
        try {
            if (!newSql.equals(sql)) {
                executePending();
                if (connection == null) {
                    connection = connections.getConnection();
                }
                statement = connection.prepareStatement(newSql);
                sql = newSql;
            }
            binder.bind(statement);
            statement.addBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("projection write failed: " + e.getMessage(), e);
        }
    }

    private void flush() {
        try {
            executePending();
        } catch (SQLException e) {
            throw new IllegalStateException("projection write failed: " + e.getMessage(), e);
        }
    }

    private void executePending() throws SQLException {
        if (statement != null) {
            statement.executeBatch();
            statement.close();
            statement = null;
            sql = null;
        }
    }

    private void close() {
        try {
            if (statement != null) {
                statement.close();
            }
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the transaction has ended either way; the pool takes the connection back
        }
    }

    /** Sets the parameters of one write. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
