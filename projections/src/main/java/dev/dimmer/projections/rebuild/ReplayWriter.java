package dev.dimmer.projections.rebuild;

import dev.dimmer.projections.jdbc.StatementBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * The rebuild's one database transaction, on a thread of its own: it sends the projection writes the handlers
 * queue, in their order, while the handlers go on with the next events; the tokens are stored in the same
 * transaction, so the old views and tokens stay as they were until the new ones commit, and a failure leaves
 * nothing half-written. Readers see the old views until the commit.
 */
final class ReplayWriter implements StatementBatch.Sink {
    private static final Job END = c -> {
    };
    private final BlockingQueue<Job> jobs = new ArrayBlockingQueue<>(8);
    private final TransactionManager transactions;
    private final ConnectionProvider connections;
    private final Thread thread;
    // touched by the writer thread only
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private volatile Throwable failure;

    ReplayWriter(TransactionManager transactions, ConnectionProvider connections) {
        this.transactions = transactions;
        this.connections = connections;
        this.thread = new Thread(this::run, "dimmer-rebuild-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues work for the writer's transaction; waits while the writer is behind. */
    void submit(Job job) {
        try {
            do {
                failIfBroken();
            } while (!jobs.offer(job, 100, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildFailedException("the rebuild was interrupted", e);
        }
    }

    @Override
    public void accept(String sql, List<StatementBatch.Binder> binders) {
        submit(connection -> send(connection, sql, binders));
    }

    /** Waits for every queued job, then commits. Throws what went wrong; then nothing was committed. */
    void commit() {
        submit(END);
        join();
        failIfBroken();
    }

    /** Drops what is queued and rolls the transaction back. */
    void abandon() {
        thread.interrupt();
        join();
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildFailedException("the rebuild was interrupted while its writer finished", e);
        }
    }

    private void failIfBroken() {
        Throwable cause = failure;
        if (cause instanceof RebuildRefusedException refused) {
            throw refused;
        }
        if (cause != null) {
            throw new RebuildFailedException("the rebuild's writes failed: " + cause.getMessage(), cause);
        }
    }

    private void run() {
        Transaction transaction = transactions.startTransaction();
        try (Connection connection = connections.getConnection()) {
            for (Job job = jobs.take(); job != END; job = jobs.take()) {
                job.run(connection);
            }
            closeStatements();
            transaction.commit();
        } catch (InterruptedException e) {
            closeStatements();
            transaction.rollback();
        } catch (Throwable e) {
            failure = e;
            closeStatements();
            transaction.rollback();
        }
    }

    private void send(Connection connection, String sql, List<StatementBatch.Binder> binders) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (StatementBatch.Binder binder : binders) {
            binder.bind(statement);
            statement.addBatch();
        }
        statement.executeBatch();
    }

    private void closeStatements() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the transaction ends next and takes the statement with it
            }
        }
        statements.clear();
    }

    /** Work done on the writer's connection, inside its transaction. */
    @FunctionalInterface
    interface Job {
        void run(Connection connection) throws Exception;
    }
}
