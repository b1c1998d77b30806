package dev.dimmer.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one PostgreSQL server of a test JVM: a Testcontainers container when a Docker engine answers, an embedded
 * PostgreSQL otherwise. {@code DIMMER_TEST_POSTGRES} (or the system property {@code dimmer.test.postgres}) forces
 * {@code docker} or {@code embedded}. Every test gets its own database with a random name.
 */
public final class TestPostgres {
    private static PostgresServer server;

    private TestPostgres() {
    }

    public static synchronized TestDatabase newDatabase() {
        if (server == null) {
            server = start();
        }
        return create(server);
    }

    /**
     * A database on an external PostgreSQL server (one that is not started by the test JVM), named by
     * {@code DIMMER_TEST_EXTERNAL_POSTGRES_URL}, e.g. {@code jdbc:postgresql://127.0.0.1:5432/?user=postgres}; empty
     * when the variable is unset. {@code .ci/run} sets it when a PostgreSQL answers on 127.0.0.1:5432.
     */
    public static synchronized Optional<TestDatabase> newExternalDatabase() {
        String url = System.getenv("DIMMER_TEST_EXTERNAL_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(create(external(url.trim())));
    }

    private static PostgresServer external(String url) {
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        String base = path.substring(0, path.indexOf('/', "jdbc:postgresql://".length()) + 1);
        String parameters = query < 0 ? "" : url.substring(query + 1);
        String user = "postgres";
        String password = "";
        for (String pair : parameters.split("&")) {
            if (pair.startsWith("user=")) {
                user = pair.substring(5);
            } else if (pair.startsWith("password=")) {
                password = pair.substring(9);
            }
        }
        return new Server("external", base, user, password);
    }

    static TestDatabase create(PostgresServer server) {
        String name = "dimmer_test_" + HexFormat.of().formatHex(randomBytes());
        try (Connection c = DriverManager.getConnection(server.urlFor("postgres"), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database on " + server.kind() + " PostgreSQL", e);
        }
        return new TestDatabase(server, name);
    }

    public static synchronized String kind() {
        if (server == null) {
            server = start();
        }
        return server.kind();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static PostgresServer start() {
        String forced = System.getProperty("dimmer.test.postgres", System.getenv("DIMMER_TEST_POSTGRES"));
        String choice = forced == null ? "" : forced.trim().toLowerCase(Locale.ROOT);
        if (choice.equals("docker") || (choice.isEmpty() && dockerAnswers())) {
            return container();
        }
        return embedded();
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static PostgresServer container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return new Server("docker", "jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(5432) + "/", container.getUsername(), container.getPassword());
    }

    private static PostgresServer embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }));
            return new Server("embedded", "jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (where user namespaces are blocked, "
                    + "initdb refuses to run as root; start a Docker engine or run as another user)", e);
        }
    }

    record Server(String kind, String base, String user, String password) implements PostgresServer {
        @Override
        public String urlFor(String database) {
            return base + database;
        }

        @Override
        public void drop(String database) {
            try (Connection c = DriverManager.getConnection(urlFor("postgres"), user, password);
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop test database " + database, e);
            }
        }
    }
}
