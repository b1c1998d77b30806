package dev.dimmer.validation;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dimmer.secret.RevealedSecrets;
import dev.dimmer.validation.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One side of a comparison: a pooled data source, its dialect, and a bounded pool of threads so that at most
 * {@code parallelism} statements run against it at once. Every statement is bounded by the session's statement
 * timeout and can be cancelled from another thread. Every session is read-only: a comparison never changes the data it
 * compares, whatever a filter or a custom query calls. Errors never repeat a secret the connection was given.
 */
public final class Database implements AutoCloseable {
    private final String label;
    private final String location;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final int majorVersion;
    private final long statementTimeoutMillis;
    private final ExecutorService pool;
    private final int parallelism;
    private final Set<Statement> running = ConcurrentHashMap.newKeySet();
    private final AutoCloseable owned;
    private final RevealedSecrets secrets;

    private Database(String label, String location, DataSource dataSource, int parallelism, Duration statementTimeout,
                     AutoCloseable owned, RevealedSecrets secrets) {
        this.label = label;
        this.secrets = secrets;
        this.location = location;
        this.dataSource = dataSource;
        this.statementTimeoutMillis = statementTimeout.toMillis();
        this.owned = owned;
        this.parallelism = parallelism;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "dimmer-" + label + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try (Connection connection = dataSource.getConnection()) {
            this.dialect = Dialect.forProduct(connection.getMetaData().getDatabaseProductName());
            this.majorVersion = connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            close();
            throw new ValidationException(secrets.hide("cannot connect to the " + label + " database " + location
                    + ": " + firstLine(e) + "; check the URL, user and password"));
        }
    }

    /** Opens a small Hikari pool of its own; {@link #close()} closes it. */
    public static Database open(String label, ResolvedConnection connection, int parallelism,
                                Duration statementTimeout) {
        SupportedUrl.require(label, connection.url(), connection.redactedUrl());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(connection.url());
        if (connection.user() != null && !connection.user().isBlank()) {
            config.setUsername(connection.user());
        }
        if (connection.password() != null) {
            config.setPassword(connection.password());
        }
        config.setMaximumPoolSize(parallelism);
        config.setMinimumIdle(0);
        config.setPoolName("dimmer-" + label);
        config.setReadOnly(true);
        // Fail at once on a wrong URL, user or password instead of retrying until a timeout.
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            // the driver's exception is dropped, not chained: its message may hold what the secrets resolved to
            throw new ValidationException(connection.secrets().hide("cannot connect to the " + label + " database "
                    + connection.redactedUrl() + ": " + firstLine(cause) + "; check the URL, user and password"));
        }
        return new Database(label, connection.redactedUrl(), pool, parallelism, statementTimeout, pool,
                connection.secrets());
    }

    /**
     * Uses a data source the caller owns (the control plane's pool); {@link #close()} leaves it open, and each
     * connection goes back to it writable again.
     */
    public static Database using(String label, DataSource dataSource, int parallelism, Duration statementTimeout) {
        return new Database(label, label, dataSource, parallelism, statementTimeout, null, RevealedSecrets.NONE);
    }

    public String label() {
        return label;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** How many statements this side runs at once. */
    public int parallelism() {
        return parallelism;
    }

    public int majorVersion() {
        return majorVersion;
    }

    /** Runs a statement on this side's pool. */
    public <T> CompletableFuture<T> submit(String sql, List<?> binds, ResultReader<T> reader) {
        return CompletableFuture.supplyAsync(() -> query(sql, binds, reader), pool);
    }

    /** Runs a statement on the calling thread. */
    public <T> T query(String sql, List<?> binds, ResultReader<T> reader) {
        try (Connection connection = dataSource.getConnection()) {
            readOnly(connection);
            try (Statement setup = connection.createStatement()) {
                setup.execute(dialect.sessionSetup(statementTimeoutMillis));
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < binds.size(); i++) {
                    statement.setObject(i + 1, binds.get(i));
                }
                running.add(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                } finally {
                    running.remove(statement);
                    writableAgain(connection);
                }
            }
        } catch (SQLException e) {
            throw new ValidationException(describe(e), e);
        }
    }

    /** Reads connection metadata on the calling thread. */
    public <T> T withConnection(ConnectionReader<T> reader) {
        try (Connection connection = dataSource.getConnection()) {
            readOnly(connection);
            try {
                return reader.read(connection);
            } finally {
                writableAgain(connection);
            }
        } catch (SQLException e) {
            throw new ValidationException(describe(e), e);
        }
    }

    /** Asks the server to stop every statement now running on this side. */
    public void cancelRunning() {
        for (Statement statement : running) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement finished meanwhile; nothing left to cancel
            }
        }
    }

    /** Waits for a submitted statement, unwrapping the one-line error it failed with. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        cancelRunning();
        pool.shutdownNow();
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception ignored) {
                // closing a pool only fails when it is already closed
            }
        }
    }

    private void readOnly(Connection connection) throws SQLException {
        connection.setReadOnly(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.readOnlySession());
        }
    }

    private void writableAgain(Connection connection) throws SQLException {
        if (owned != null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.readWriteSession());
        }
        connection.setReadOnly(false);
    }

    private String describe(SQLException e) {
        return secrets.hide(explain(e));
    }

    private String explain(SQLException e) {
        boolean timedOut = "57014".equals(e.getSQLState()) || "70100".equals(e.getSQLState())
                || e.getErrorCode() == 1969;
        if (timedOut) {
            return "a statement on the " + label + " database " + location + " was cancelled or ran past the "
                    + (statementTimeoutMillis / 1000) + " s statement timeout; narrow it with --where or raise "
                    + "the timeout";
        }
        if (dialect != null && dialect.refusedAsReadOnly(e)) {
            return "the " + label + " database " + location + " refused to change data: " + firstLine(e)
                    + "; comparisons only read, so --where filters and custom SQL must not write (no nextval, no "
                    + "functions that insert or update)";
        }
        return "the " + label + " database " + location + " refused a statement: " + firstLine(e)
                + "; check the table, key and column names and the --where filter";
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Reads from a connection. */
    @FunctionalInterface
    public interface ConnectionReader<T> {
        T read(Connection connection) throws SQLException;
    }
}
