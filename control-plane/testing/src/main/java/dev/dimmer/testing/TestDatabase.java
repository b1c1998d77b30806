package dev.dimmer.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A database created for one test (or test class), with a random name; {@link #close()} drops it. */
public final class TestDatabase implements AutoCloseable {
    private final PostgresServer server;
    private final String name;

    TestDatabase(PostgresServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String url() {
        return server.urlFor(name);
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    @Override
    public void close() {
        server.drop(name);
    }
}
