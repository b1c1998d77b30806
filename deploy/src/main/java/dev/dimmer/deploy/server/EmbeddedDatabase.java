package dev.dimmer.deploy.server;

import dev.dimmer.deploy.config.ConfigException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL run by Dimmer itself for dev mode and the demo: its data lives in a directory that survives
 * restarts; a second server on the same directory is refused.
 */
public final class EmbeddedDatabase implements Database {
    static final String NAME = "dimmer";
    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Files.createDirectories(dataDir.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // stopped by close(), after Axon has released its claims, not by a hook racing it
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDir);
            database.createIfMissing();
            return database;
        } catch (IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("lock")) {
                throw new ConfigException("the embedded database in " + dataDir + " is in use by another Dimmer "
                        + "server; stop it, or set DIMMER_HOME to another directory");
            }
            throw new ConfigException("the embedded PostgreSQL in " + dataDir + " did not start (" + why + "); "
                    + "where user namespaces are blocked, initdb refuses to run as root: run as another user or "
                    + "set DIMMER_DATABASE_URL to an existing PostgreSQL");
        }
    }

    private void createIfMissing() throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, NAME);
            try (ResultSet r = exists.executeQuery()) {
                if (!r.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE " + NAME);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not create database " + NAME + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String url() {
        return postgres.getJdbcUrl("postgres", NAME);
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL in " + dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // PostgreSQL stops with the process in any case
        }
    }
}
