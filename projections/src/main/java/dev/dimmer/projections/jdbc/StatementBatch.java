package dev.dimmer.projections.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects a processor batch's projection writes and sends them as JDBC batches when the unit of work prepares to
 * commit, in the transaction that also stores the token. Consecutive writes with the same SQL form one run; a
 * different SQL closes the run, so writes keep the order of the events. Within a run, a later write with the same
 * key replaces the earlier one: replaying a wave's hundred moves writes its row once.
 *
 * <p>A unit of work may carry a {@link Sink} ({@link #redirect}): its runs then go to the sink instead of the
 * thread's connection, which is how a rebuild hands the writes to a writer thread while the handlers go on.
 */
public final class StatementBatch {
    private static final String RESOURCE = StatementBatch.class.getName();
    private static final String SINK = RESOURCE + ".sink";
    private final ConnectionProvider connections;
    private final Sink sink;
    private final Map<Object, Binder> run = new LinkedHashMap<>();
    private Connection connection;
    private String sql;

    private StatementBatch(ConnectionProvider connections, Sink sink) {
        this.connections = connections;
        this.sink = sink;
    }

    /** Sends the projection writes of this unit of work (and of the units nested in it) to the sink. */
    public static void redirect(UnitOfWork<?> unitOfWork, Sink sink) {
        unitOfWork.root().resources().put(SINK, sink);
    }

    /** Queues a row to add (see {@link Insert}); nothing later replaces it. */
    public static void insert(Object projection, ConnectionProvider connections, Insert.Row row) {
        write(projection, connections, row.insert().sql(), row);
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
            StatementBatch created = new StatementBatch(connections, root.getResource(SINK));
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
        if (sink != null) {
            List<Binder> binders = List.copyOf(run.values());
            run.clear();
            sink.accept(sql, binders);
            return;
        }
        try {
            if (connection == null) {
                connection = connections.getConnection();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                send(statement, run.values());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("projection write failed: " + e.getMessage(), e);
        } finally {
            run.clear();
        }
    }

    /** Binds each write of a run in turn and sends them as one JDBC batch. */
    public static void send(PreparedStatement statement, Collection<Binder> binders) throws SQLException {
        for (Binder binder : binders) {
            binder.bind(statement);
            statement.addBatch();
        }
        statement.executeBatch();
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

    /** Takes a run of writes (one SQL, its binders in order) to send later, in the order the runs came. */
    @FunctionalInterface
    public interface Sink {
        void accept(String sql, List<Binder> binders);
    }
}
