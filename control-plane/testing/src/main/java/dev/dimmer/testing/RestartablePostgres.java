package dev.dimmer.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL server of a test's own, on a fixed port and a data directory that outlives it, so that a fault test
 * can stop and restart the database under a running control plane (which reaches it over TCP as any external
 * database). Durable settings: a restart loses nothing that was committed.
 */
public final class RestartablePostgres implements AutoCloseable {
    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    public static RestartablePostgres start() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory("dimmer-fault-pg"), port);
            postgres.up();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A database on this server, with a random name; closing it drops it. */
    public TestDatabase newDatabase() {
        return TestPostgres.create(new TestPostgres.Server("restartable", "jdbc:postgresql://localhost:" + port + "/",
                "postgres", "postgres"));
    }

    /** Stops the server (fast shutdown: open connections are cut), waits, and starts it again on the same data. */
    public void restart(Duration down) {
        stop();
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        up();
    }

    public void stop() {
        try {
            if (server != null) {
                server.close();
                server = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again after {@link #stop()}, on the same data and port. */
    public void resume() {
        up();
    }

    private void up() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("the fault test's PostgreSQL did not start on port " + port, e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
