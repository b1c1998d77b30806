package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dimmer.deploy.config.ConfigException;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.deploy.config.ServerSettings;
import dev.dimmer.deploy.server.ControlPlane;
import dev.dimmer.deploy.server.Database;
import dev.dimmer.deploy.server.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Dev mode's embedded PostgreSQL: a password kept in the home directory, durable settings, one server per home
 * directory, and what a killed server or an older version left behind.
 */
class EmbeddedDatabaseTest {
    @Test
    void shouldNeedThePasswordKeptInTheHomeDirectory() throws Exception {
        Path home = Files.createTempDirectory("dimmer-pw-home");
        try (ControlPlane plane = ControlPlane.start(devMode(home))) {
            Path passwordFile = home.resolve("postgres.password");
            assertThat(mode(passwordFile)).isEqualTo("rw-------");
            assertThat(mode(home)).isEqualTo("rwx------");
            String password = Files.readString(passwordFile).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(24).isEqualTo(plane.database().password());
            assertThat(pgHba(home)).noneMatch(l -> l.contains("trust")).anyMatch(l -> l.contains("scram-sha-256"));

            Database db = plane.database();
            assertThatThrownBy(() -> DriverManager.getConnection(db.url(), db.user(), "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(db.url(), "postgres", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), password);
                 Statement s = c.createStatement()) {
                assertThat(show(s, "fsync")).isEqualTo("on");
                assertThat(show(s, "synchronous_commit")).isEqualTo("on");
                assertThat(show(s, "full_page_writes")).isEqualTo("on");
                assertThat(one(s, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user")).isEqualTo("false");
                assertThat(one(s, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'domain_event_entry'"))
                        .isEqualTo("dimmer");
                assertThatThrownBy(() -> s.execute("COPY (SELECT 1) TO PROGRAM 'true'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
    }

    @Test
    void shouldRefuseASecondServerAndReclaimThePostgresOfAKilledOne() throws Exception {
        Path home = Files.createTempDirectory("dimmer-kill-home");
        // given a dev-mode server in its own process
        Process server = CliProcess.start(Map.of("DIMMER_HOME", home.toString()),
                home.resolveSibling(home.getFileName() + ".err"), "server", "--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.contains("listening on")) {
                // the banner comes first
            }
            assertThat(line).as(Files.readString(home.resolveSibling(home.getFileName() + ".err"))).isNotNull();

            // then a second server on the same home directory is refused, naming the first
            assertThatThrownBy(() -> ControlPlane.start(devMode(home))).isInstanceOf(ConfigException.class)
                    .hasMessage("DIMMER_HOME " + home + " is in use by another Dimmer server (pid " + server.pid()
                            + "); stop it or set DIMMER_HOME to another directory");

            // when the first is killed with SIGKILL, its PostgreSQL lives on
            server.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            long postmaster = Long.parseLong(Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).strip());
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);

            // then the next start ends the orphan and serves
            try (ControlPlane plane = ControlPlane.start(devMode(home))) {
                assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(plane.url()).startsWith("http://");
            }
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void shouldUpgradeADataDirectoryThatTrustedEveryLocalConnection() throws Exception {
        Path home = Files.createTempDirectory("dimmer-trust-home");
        // given a data directory as earlier versions left it: trust for all, tables owned by the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(home.resolve("pgdata"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start()) {
            try (Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE dimmer");
            }
            try (ControlPlane plane = ControlPlane.start(devMode(home),
                    Database.external(old.getJdbcUrl("postgres", "dimmer"), "postgres", ""), Map.of())) {
                assertThat(plane.url()).startsWith("http://");
            }
        }
        assertThat(pgHba(home)).anyMatch(l -> l.contains("trust"));

        // when dev mode starts on it
        try (ControlPlane plane = ControlPlane.start(devMode(home))) {
            // then it asks for the password, and the control plane owns its tables as an ordinary role
            Database db = plane.database();
            assertThat(pgHba(home)).noneMatch(l -> l.contains("trust"));
            assertThat(mode(home.resolve("postgres.password"))).isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(db.url(), "postgres", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                 Statement s = c.createStatement()) {
                assertThat(one(s, "SELECT count(*)::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname = 'public' AND c.relkind = 'r' AND pg_get_userbyid(c.relowner) <> 'dimmer'"))
                        .isEqualTo("0");
                assertThat(show(s, "fsync")).isEqualTo("on");
            }
        }
    }

    @Test
    void shouldRemoveAPostmasterPidFileWhoseProcessIsGone() throws Exception {
        Path dir = Files.createTempDirectory("dimmer-stale-home");
        EmbeddedDatabase.start(dir, EmbeddedDatabase.Kind.KEPT, "DIMMER_HOME " + dir).close();
        // given a lock file naming a pid that no longer runs (as after a crash of the whole machine)
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve("pgdata/postmaster.pid"), gone.pid() + "\n" + dir.resolve("pgdata") + "\n");

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, EmbeddedDatabase.Kind.KEPT, "DIMMER_HOME " + dir);
             Connection c = database.superuserConnection(); Statement s = c.createStatement()) {
            assertThat(show(s, "fsync")).isEqualTo("on");
        }
    }

    private static ServerSettings devMode(Path home) {
        return new ServerSettings(new DimmerHome(home), null, List.of(), "127.0.0.1", 0);
    }

    private static List<String> pgHba(Path home) throws Exception {
        return Files.readAllLines(home.resolve("pgdata/pg_hba.conf")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static String show(Statement s, String setting) throws SQLException {
        return one(s, "SHOW " + setting);
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
