package dev.dimmer.core.axon;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * One JDBC connection per thread while a transaction is open, shared by everything Axon does in it: the event
 * append, projection rows and the token update commit together or not at all. Outside a transaction each caller
 * gets its own auto-commit connection from the pool.
 *
 * <p>Written here rather than bridged to Micronaut's JDBC transaction manager: that bridge made committed writes
 * invisible and handed out auto-commit=false connections outside transactions.
 */
public final class JdbcTransactions implements TransactionManager, ConnectionProvider {
    private final DataSource dataSource;
    private final ThreadLocal<Open> current = new ThreadLocal<>();

    public JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        Open open = current.get();
        if (open != null) {
            return new Joined(open);
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            Open started = new Open(connection);
            current.set(started);
            return new Outer(started);
        } catch (SQLException e) {
            throw new IllegalStateException("could not open a database transaction: " + e.getMessage(), e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Open open = current.get();
        return open == null ? dataSource.getConnection() : unclosable(open.connection);
    }

    private static Connection unclosable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void finish(Open open) {
        current.remove();
        try {
            open.connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the pool validates the connection when it is borrowed again
        }
        try {
            open.connection.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }

    private static final class Open {
        final Connection connection;
        boolean rollbackOnly;

        Open(Connection connection) {
            this.connection = connection;
        }
    }

    private final class Outer implements Transaction {
        private final Open open;
        private boolean finished;

        Outer(Open open) {
            this.open = open;
        }

        @Override
        public void commit() {
            finished = true;
            try {
                if (open.rollbackOnly) {
                    open.connection.rollback();
                    throw new IllegalStateException("transaction was marked for rollback by an inner unit of work");
                }
                open.connection.commit();
            } catch (SQLException e) {
                if (LostConnections.lost(e)) {
                    throw new OutcomeUnknownException("the database connection was lost while committing ("
                            + e.getMessage() + "); the changes may or may not be stored", e);
                }
                throw new IllegalStateException("commit failed: " + e.getMessage(), e);
            } finally {
                finish(open);
            }
        }

        @Override
        public void rollback() {
            if (finished) {
                // a failed commit ended the transaction already; its connection is gone
                return;
            }
            finished = true;
            try {
                open.connection.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("rollback failed: " + e.getMessage(), e);
            } finally {
                finish(open);
            }
        }
    }

    private static final class Joined implements Transaction {
        private final Open open;

        Joined(Open open) {
            this.open = open;
        }

        @Override
        public void commit() {
            // the outer transaction commits
        }

        @Override
        public void rollback() {
            open.rollbackOnly = true;
        }
    }
}
