package dev.dimmer.validation;

import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** One PostgreSQL test database with the validation engine's connection to it. */
final class PostgresFixture implements AutoCloseable {
    final TestDatabase database;
    final Database connection;

    PostgresFixture() {
        database = TestPostgres.newDatabase();
        connection = Database.open("source", new ResolvedConnection(database.url(), database.user(),
                database.password(), database.name()), 2, Duration.ofSeconds(60));
    }

    void execute(String... statements) {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A second handle on the same database, as the target side of a same-server diff. */
    Database asTarget() {
        return Database.open("target", new ResolvedConnection(database.url(), database.user(), database.password(),
                database.name()), 2, Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        connection.close();
        database.close();
    }
}
