package dev.dimmer.deploy.server;

import dev.dimmer.deploy.config.ConfigException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL run by Dimmer itself for dev mode, the demo and the bench. Everything lives in one directory: the data
 * ({@code pgdata}), the password ({@code postgres.password}, mode 600), PostgreSQL's log ({@code postgres.log}) and
 * the {@link ServerLock}. Connections need the password (SCRAM on 127.0.0.1 and ::1, no Unix socket); the control
 * plane connects as {@code dimmer}, an ordinary role that owns its database, not as the superuser.
 */
public final class EmbeddedDatabase implements Database {
    static final String NAME = "dimmer";
    static final String ROLE = "dimmer";
    private final EmbeddedPostgres postgres;
    private final ServerLock lock;
    private final Path dataDir;
    private final String password;
    private final Kind kind;

    /** What the data is for: kept and durable (dev mode), or thrown away and fast (demo, bench). */
    public enum Kind {
        KEPT, DISPOSABLE
    }

    private EmbeddedDatabase(EmbeddedPostgres postgres, ServerLock lock, Path dataDir, String password, Kind kind) {
        this.kind = kind;
        this.postgres = postgres;
        this.lock = lock;
        this.dataDir = dataDir;
        this.password = password;
    }

    /**
     * Starts on {@code dir}; {@code label} names it to the user ("DIMMER_HOME /x"). A directory another server holds
     * is refused; a postmaster a killed server left behind is stopped first.
     */
    public static EmbeddedDatabase start(Path dir, Kind kind, String label) {
        Path dataDir = dir.resolve("pgdata");
        Path log = dir.resolve("postgres.log");
        ServerLock lock = null;
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            lock = ServerLock.acquire(dir, label);
            new PostmasterPidFile(dataDir).reclaim();
            if (kind == Kind.DISPOSABLE) {
                wipe(dataDir);
            }
            boolean initialized = Files.exists(dataDir.resolve("postgresql.conf"));
            boolean trusting = initialized && PgHba.trusts(dataDir);
            if (initialized && !trusting && !Files.exists(EmbeddedPassword.file(dir))) {
                throw new ConfigException("the password of the embedded PostgreSQL in " + dataDir + " is missing ("
                        + EmbeddedPassword.file(dir) + "); restore it, or move " + dataDir + " away to start afresh");
            }
            String password = EmbeddedPassword.readOrCreate(dir);
            EmbeddedPostgres postgres = builder(dataDir, kind, log, EmbeddedPassword.file(dir),
                    trusting ? "" : password).start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, lock, dataDir, password, kind);
            try {
                new EmbeddedRoles(database.adminUrl(), trusting ? "" : password, password, NAME, ROLE).ensure();
                if (trusting) {
                    // a data directory from a version that trusted every local connection
                    PgHba.writePasswordOnly(dataDir);
                    new EmbeddedRoles(database.adminUrl(), password, password, NAME, ROLE).reload();
                }
            } catch (SQLException | RuntimeException e) {
                database.close();
                throw new IOException(e.getMessage(), e);
            }
            return database;
        } catch (ConfigException e) {
            closeQuietly(lock);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            throw new ConfigException(whyNotStarted(dataDir, log, e));
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir, Kind kind, Path log, Path passwordFile,
                                                    String connectPassword) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // stopped by close(), after Axon has released its claims, not by a hook racing it
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                // initdb: the superuser gets the stored password, every connection must give it
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setLocaleConfig("auth-host", "scram-sha-256")
                .setLocaleConfig("auth-local", "scram-sha-256")
                .setServerConfig("listen_addresses", "127.0.0.1,::1")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "100");
        if (!connectPassword.isEmpty()) {
            builder.setConnectConfig("password", connectPassword);
        }
        if (kind == Kind.KEPT) {
            // the library's defaults (-F, synchronous_commit=off) lose commits to a crash; a later -c wins
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        return builder;
    }

    private static String whyNotStarted(Path dataDir, Path log, Exception e) {
        List<String> tail = tail(log);
        if (tail.stream().anyMatch(l -> l.contains("cannot be run as root"))) {
            return "the embedded PostgreSQL in " + dataDir + " did not start: initdb cannot be run as root where "
                    + "user namespaces are blocked; run as another user or set DIMMER_DATABASE_URL to an existing "
                    + "PostgreSQL";
        }
        String said = tail.stream().filter(l -> l.contains("FATAL") || l.contains("ERROR") || l.contains("error"))
                .reduce((first, second) -> second).orElse(String.valueOf(e.getMessage()));
        return "the embedded PostgreSQL in " + dataDir + " did not start: " + said.strip() + " (see " + log + ")";
    }

    private static List<String> tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - 30), lines.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void closeQuietly(ServerLock lock) {
        if (lock != null) {
            lock.close();
        }
    }

    private String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres";
    }

    /** The superuser's connection, for tests and upkeep; the control plane uses {@link #url()}. */
    public Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(adminUrl(), "postgres", password);
    }

    /** A superuser's connection to another database of this server, e.g. one the demo made. */
    public Connection superuserConnection(String database) throws SQLException {
        return DriverManager.getConnection(urlOf(database), "postgres", password);
    }

    /** The JDBC URL of another database of this server. */
    public String urlOf(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + NAME;
    }

    @Override
    public String user() {
        return ROLE;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String describe() {
        return "embedded PostgreSQL in " + dataDir
                + (kind == Kind.DISPOSABLE ? ", fsync off: durability traded for speed" : "");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // a postmaster left running is reclaimed by the next start
        } finally {
            lock.close();
        }
    }
}
