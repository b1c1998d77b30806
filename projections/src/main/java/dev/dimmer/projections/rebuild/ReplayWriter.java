package dev.dimmer.projections.rebuild;

import dev.dimmer.projections.jdbc.CopyText;
import dev.dimmer.projections.jdbc.Insert;
import dev.dimmer.projections.jdbc.StatementBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

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
    private final CopyText copyText = new CopyText();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
    private volatile Throwable failure;
    private volatile boolean committed;

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
        awaitWriter();
        failIfBroken();
    }

    /** Drops what is queued and rolls the transaction back; returns once the writer has ended. */
    void abandon() {
        thread.interrupt();
        awaitWriter();
    }

    /** Joins the writer even when this thread is interrupted (the flag is kept), so no transaction outlives us. */
    private void awaitWriter() {
        boolean interrupted = Thread.interrupted();
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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
        if (!thread.isAlive() && !committed) {
            throw new RebuildFailedException("the rebuild's writer ended before it committed", null);
        }
    }

    private void run() {
        Transaction transaction = null;
        try {
            transaction = transactions.startTransaction();
            try (Connection connection = connections.getConnection()) {
                for (Job job = jobs.take(); job != END; job = jobs.take()) {
                    job.run(connection);
                }
                closeStatements();
            }
            transaction.commit();
            committed = true;
        } catch (InterruptedException e) {
            rollBack(transaction);
        } catch (Throwable e) {
            failure = e;
            rollBack(transaction);
        }
    }

    private void rollBack(Transaction transaction) {
        closeStatements();
        if (transaction == null) {
            return;
        }
        try {
            transaction.rollback();
        } catch (RuntimeException e) {
            // a commit that failed has already ended the transaction; the failure that led here is the one to tell
        }
    }

    private void send(Connection connection, String sql, List<StatementBatch.Binder> binders)
            throws SQLException, IOException {
        List<Insert.Row> rows = rows(binders);
        if (rows != null) {
            copy(connection, rows);
            return;
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        StatementBatch.send(statement, binders);
    }

    /** The binders as rows of one insert, or null when they are anything else. */
    private static List<Insert.Row> rows(List<StatementBatch.Binder> binders) {
        List<Insert.Row> rows = new ArrayList<>(binders.size());
        for (StatementBatch.Binder binder : binders) {
            if (!(binder instanceof Insert.Row row) || row.insert() != ((Insert.Row) binders.get(0)).insert()) {
                return null;
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * New rows go in with COPY, several times cheaper for PostgreSQL than inserting them: the reset emptied every
     * view earlier in this transaction, so no row can meet an older one and the insert's ON CONFLICT has nothing to
     * skip. Should a projection ever add a row twice, COPY fails on the key and the whole rebuild rolls back.
     */
    private void copy(Connection connection, List<Insert.Row> rows) throws SQLException, IOException {
        buffer.reset();
        copyText.write(rows, buffer);
        CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
        copies.copyIn(rows.get(0).insert().copy(), new ByteArrayInputStream(buffer.toByteArray()), 1 << 16);
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
