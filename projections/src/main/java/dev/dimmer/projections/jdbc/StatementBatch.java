package dev.dimmer.projections.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects a processor batch's projection writes and sends them as JDBC batches when the unit of work prepares to
 * commit, in the transaction that also stores the token. Consecutive writes with the same SQL form one run; a
 * different SQL closes the run, so writes keep the order of the events. Within a run, a later write with the same
 * key replaces the earlier one: replaying a wave's hundred moves writes its row once.
 */
public final class StatementBatch {
    private static final String RESOURCE = StatementBatch.class.getName();
    private final ConnectionProvider connections;
    private final Map<Object, Binder> run = new LinkedHashMap<>();
    private Connection connection;
    private String sql;

    private StatementBatch(ConnectionProvider connections) {
        this.connections = connections;
    }

    /** Queues a write that nothing later replaces. */
    public static void write(Object projection, ConnectionProvider connections, String sql, Binder binder) {
        write(projection, connections, sql, new Object(), binder);
    }

    /**
     * Queues a write in the current unit of work, or runs it at once when there is none. Each projection keeps its
     * own queue, so one projection's writes do not break up another's runs. Only use a key where the later write
     * makes the earlier one of the same run redundant.
     */
    public static void write(Object projection, ConnectionProvider connections, String sql, Object key,
                             Binder binder) {
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
        StatementBatch batch = root.getOrComputeResource(RESOURCE + "." + projection.getClass().getName(), k -> {
            StatementBatch created = new StatementBatch(connections);
            root.onPrepareCommit(u -> created.flush());
            root.onCleanup(u -> created.close());
            return created;
        });
        batch.add(sql, key, binder);
    }

    private void add(String newSql, Object key, Binder binder) {
        if (!newSql.equals(sql)) {
            flush();
            sql = newSql;
        }
        run.remove(key);
        run.put(key, binder);
    }

    private void flush() {
        if (run.isEmpty()) {
            return;
        }
        try {
            if (connection == null) {
                connection = connections.getConnection();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Binder binder : run.values()) {
                    binder.bind(statement);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("projection write failed: " + e.getMessage(), e);
        } finally {
            run.clear();
        }
    }

    private void close() {
        try {
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
