package dev.dimmer.validation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A database with a random name on the MariaDB server named by {@code DIMMER_TEST_MARIADB_URL}; tests that need
 * one are skipped, with the reason printed, when the variable is not set.
 */
final class MariaDbFixture implements AutoCloseable {
    static final String VARIABLE = "DIMMER_TEST_MARIADB_URL";
    final String name;
    final String url;
    final Database connection;
    private final String serverUrl;

    private MariaDbFixture(String serverUrl) {
        this.serverUrl = serverUrl;
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        name = "dimmer_test_" + HexFormat.of().formatHex(bytes);
        onServer("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        int slash = serverUrl.indexOf('/', "jdbc:mariadb://".length());
        int query = serverUrl.indexOf('?');
        url = serverUrl.substring(0, slash + 1) + name + (query < 0 ? "" : serverUrl.substring(query));
        connection = Database.open("target", new ResolvedConnection(url, null, null, name), 2,
                Duration.ofSeconds(60));
    }

    /** Starts a fixture, or skips the calling test (printing why) when no MariaDB is configured. */
    static MariaDbFixture startOrSkip() {
        String serverUrl = System.getenv(VARIABLE);
        if (serverUrl == null || serverUrl.isBlank()) {
            String reason = "MariaDB tests skipped: " + VARIABLE + " is not set (e.g. "
                    + "jdbc:mariadb://127.0.0.1:3306/?user=root&password=)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return new MariaDbFixture(serverUrl);
    }

    void execute(String... statements) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void onServer(String statement) {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        connection.close();
        onServer("DROP DATABASE IF EXISTS " + name);
    }
}
