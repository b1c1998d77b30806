package dev.dimmer.core.rollback;

import dev.dimmer.api.plan.Connection;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.secret.EnvReferences;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Runs a {@code sql} step on its named connection in one transaction with a statement timeout. Its completion is
 * written in the same transaction to {@code dimmer_runbook_step} on that database, keyed by the step's idempotency
 * key: a step run again after a crash finds its row and does nothing. Where the table cannot be created (no
 * privilege) the step still runs in one transaction, and is at-least-once: the detail says so. A dry run rolls
 * the transaction back, the row with it.
 */
final class SqlStep {
    static final String TABLE = "dimmer_runbook_step";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private final UnaryOperator<String> environment;

    SqlStep(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    StepResult run(RollbackAction.Sql step, StepContext context) {
        long started = System.nanoTime();
        Connection target = context.connection(step.connection()).orElse(null);
        if (target == null) {
            return StepResult.failed("connection '" + step.connection() + "' is not in the plan's "
                    + (context.stagingUrls() == null ? "connections" : "rehearsal.connections")
                    + "; add it or fix the step", started);
        }
        int timeout = (int) Math.max(1, timeout(step.timeout()).toSeconds());
        try (java.sql.Connection c = open(target)) {
            boolean recorded = context.dryRun() || recordable(c);
            c.setAutoCommit(false);
            try {
                if (recorded && !context.dryRun()) {
                    Long done = completed(c, context.key());
                    if (done != null) {
                        c.rollback();
                        return StepResult.succeeded("done before (" + rows(done) + ")", started);
                    }
                }
                long rows;
                try (Statement statement = c.createStatement()) {
                    statement.setQueryTimeout(timeout);
                    statement.execute(step.sql());
                    rows = Math.max(0, statement.getUpdateCount());
                }
                if (context.dryRun()) {
                    c.rollback();
                    return StepResult.succeeded("ran and rolled back (" + rows(rows) + ")", started);
                }
                if (recorded) {
                    record(c, context.key(), rows);
                }
                c.commit();
                return StepResult.succeeded(rows(rows) + (recorded ? "" : "; at least once: no " + TABLE
                        + " table on " + step.connection()), started);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (Thread.currentThread().isInterrupted()) {
                return StepResult.interrupted(started);
            }
            return StepResult.failed("SQL on " + step.connection() + " failed: " + e.getMessage(), started);
        } catch (RuntimeException e) {
            return StepResult.failed("SQL on " + step.connection() + " failed: " + e.getMessage(), started);
        }
    }

    private java.sql.Connection open(Connection target) throws SQLException {
        UnaryOperator<String> env = text -> EnvReferences.substitute(text, environment,
                name -> new IllegalStateException("environment variable " + name + " is not set; export it where "
                        + "the server runs"));
        Properties properties = new Properties();
        if (target.user() != null) {
            properties.setProperty("user", env.apply(target.user()));
        }
        if (target.password() != null) {
            properties.setProperty("password", env.apply(target.password()));
        }
        return DriverManager.getConnection(env.apply(target.jdbcUrl()), properties);
    }

    /** Creates the completion table when missing; false when this connection may not. */
    private static boolean recordable(java.sql.Connection c) {
        try (Statement statement = c.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (step_key varchar(300) PRIMARY KEY, "
                    + "rows_affected bigint NOT NULL, completed_at timestamp NOT NULL)");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Long completed(java.sql.Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT rows_affected FROM " + TABLE
                + " WHERE step_key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private static void record(java.sql.Connection c, String key, long rows) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE
                + " (step_key, rows_affected, completed_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            insert.setString(1, key);
            insert.setLong(2, rows);
            insert.executeUpdate();
        }
    }

    static Duration timeout(PlanDuration planned) {
        return planned == null || planned.value() == null ? DEFAULT_TIMEOUT : planned.value();
    }

    private static String rows(long rows) {
        return rows == 1 ? "1 row" : rows + " rows";
    }
}
