package dev.dimmer.validation.plan;

import dev.dimmer.api.plan.Connection;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A source and a target database on the test PostgreSQL, reached as a plan reaches them: as a read-only validator
 * role of their own, through connections whose passwords are {@code ${env:SOURCE_PW}} and {@code ${env:TARGET_PW}},
 * resolved from {@link #environment()}.
 */
final class PostgresPair implements AutoCloseable {
    final TestDatabase source = TestPostgres.newDatabase();
    final TestDatabase target = TestPostgres.newDatabase();
    final String validator = "validator_" + source.name().substring(source.name().length() - 8);
    final String password = "pw-" + UUID.randomUUID();

    PostgresPair() {
        execute(source, "CREATE ROLE " + validator + " LOGIN PASSWORD '" + password + "' IN ROLE pg_read_all_data");
    }

    Map<String, Connection> connections() {
        return Map.of("source", new Connection(source.url(), validator, "${env:SOURCE_PW}"),
                "target", new Connection(target.url(), validator, "${env:TARGET_PW}"));
    }

    Map<String, String> environment() {
        return Map.of("SOURCE_PW", password, "TARGET_PW", password);
    }

    void onSource(String... statements) {
        execute(source, statements);
    }

    void onTarget(String... statements) {
        execute(target, statements);
    }

    void onBoth(String... statements) {
        onSource(statements);
        onTarget(statements);
    }

    static void execute(TestDatabase database, String... statements) {
        try (java.sql.Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        source.close();
        target.close();
        try (TestDatabase any = TestPostgres.newDatabase()) {
            execute(any, "DROP ROLE IF EXISTS " + validator);
        }
    }
}
