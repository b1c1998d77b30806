package dev.dimmer.validation.plan;

import static dev.dimmer.validation.plan.PlannedValidations.customSql;
import static dev.dimmer.validation.plan.PlannedValidations.metric;
import static dev.dimmer.validation.plan.PlannedValidations.rowCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.plan.Connection;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What keeps a check from running is an errored result with one line that says why, never an exception. */
class RunningPlannedChecksErrorsTest {
    private static final String GUARDED_ROLE = "dimmer_pw_check";
    private static PostgresPair pair;
    private static String originalHba;

    @BeforeAll
    static void createTables() {
        pair = new PostgresPair();
        pair.onBoth("CREATE TABLE orders (id bigint PRIMARY KEY)", "INSERT INTO orders VALUES (1), (2)");
    }

    @AfterAll
    static void dropDatabases() {
        if (originalHba != null) {
            writeHba(originalHba);
            PostgresPair.execute(pair.source, "DROP OWNED BY " + GUARDED_ROLE, "DROP ROLE " + GUARDED_ROLE);
        }
        pair.close();
    }

    @Test
    void shouldErrorOnAWrongPassword() {
        // given a role that must give its password (the test server trusts every other login)
        requirePasswordFor(GUARDED_ROLE, "right-secret");
        Map<String, Connection> connections = new HashMap<>(pair.connections());
        connections.put("target", new Connection(pair.target.url(), GUARDED_ROLE, "${env:TARGET_PW}"));
        // when
        CheckResult result = run(connections, Map.of("SOURCE_PW", pair.password, "TARGET_PW",
                "wrong-secret-value"), rowCount("orders-row-count", "orders", "0%"));
        // then
        assertErroredInOneLine(result);
        assertThat(result.summary()).startsWith("orders-row-count: errored: cannot connect to the target database "
                + pair.target.url()).contains("password authentication failed for user \"" + GUARDED_ROLE + "\"")
                .doesNotContain("wrong-secret-value");
        assertThat(result.figures()).containsKey("source_version").doesNotContainKey("target_version");
    }

    @Test
    void shouldErrorOnAnUnreachablePort() throws IOException {
        // given
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Connection> connections = new HashMap<>(pair.connections());
        connections.put("source", new Connection("jdbc:postgresql://127.0.0.1:" + closedPort + "/orders",
                pair.validator, "${env:SOURCE_PW}"));
        // when
        CheckResult result = run(connections, pair.environment(), rowCount("orders-row-count", "orders", "0%"));
        // then
        assertErroredInOneLine(result);
        assertThat(result.summary()).startsWith("orders-row-count: errored: cannot connect to the source database "
                + "jdbc:postgresql://127.0.0.1:" + closedPort + "/orders").contains("refused");
    }

    @Test
    void shouldErrorOnAMissingEnvironmentVariable() {
        // when
        CheckResult result = run(pair.connections(), Map.of("SOURCE_PW", pair.password),
                rowCount("orders-row-count", "orders", "0%"));
        // then
        assertErroredInOneLine(result);
        assertThat(result.summary()).isEqualTo("orders-row-count: errored: environment variable TARGET_PW is not "
                + "set: export it with the password of " + pair.target.url());
    }

    @Test
    void shouldPutASecretBackAsItsReferenceInAnError() {
        // given a user name read from the environment that the server does not know
        Map<String, Connection> connections = new HashMap<>(pair.connections());
        connections.put("source", new Connection(pair.source.url(), "${env:SOURCE_USER}", "${env:SOURCE_PW}"));
        Map<String, String> environment = new HashMap<>(pair.environment());
        environment.put("SOURCE_USER", "secret_user_name_x");
        // when
        CheckResult result = run(connections, environment, rowCount("orders-row-count", "orders", "0%"));
        // then
        assertErroredInOneLine(result);
        assertThat(result.summary()).doesNotContain("secret_user_name_x").contains("${env:SOURCE_USER}");
    }

    @Test
    void shouldErrorOnAMissingTable() {
        // given
        ValidationPlan validation = rowCount("orders-row-count", "orders", "0%");
        MigrationPlan plan = PlannedValidations.plan(pair.connections(), null, List.of(validation), List.of(),
                "public.orders_gone");
        // when
        CheckResult result = checks(pair.environment(), Duration.ofSeconds(30)).run(plan, validation);
        // then
        assertErroredInOneLine(result);
        assertThat(result.summary()).matches("orders-row-count: errored: the (source|target) database .*")
                .contains("relation \"public.orders_gone\" does not exist");
    }

    @Test
    void shouldErrorWhenAStatementRunsPastTheTimeout() {
        // given
        ValidationPlan validation = customSql("slow", "SELECT pg_sleep(5)", "SELECT 1");
        MigrationPlan plan = PlannedValidations.plan(pair.connections(), null, List.of(validation), List.of(),
                "orders");
        // when
        long started = System.nanoTime();
        CheckResult result = checks(pair.environment(), Duration.ofSeconds(1)).run(plan, validation);
        // then
        assertErroredInOneLine(result);
        assertThat(result.summary()).contains("ran past the 1 s statement timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void canCancelACheckThatIsRunning() throws Exception {
        // given
        ValidationPlan validation = customSql("slow", "SELECT pg_sleep(30)", "SELECT 1");
        MigrationPlan plan = PlannedValidations.plan(pair.connections(), null, List.of(validation), List.of(),
                "orders");
        RunningPlannedChecks checks = checks(pair.environment(), Duration.ofSeconds(60));
        CompletableFuture<CheckResult> running = CompletableFuture.supplyAsync(() -> checks.run(plan, validation));
        Thread.sleep(1500);
        // when
        checks.cancelRunning();
        // then
        CheckResult result = running.get(10, TimeUnit.SECONDS);
        assertErroredInOneLine(result);
        assertThat(result.summary()).contains("was cancelled");
    }

    @Test
    void shouldErrorOnAMetricWithoutPrometheus() {
        // when
        CheckResult result = run(pair.connections(), pair.environment(),
                metric("error-rate", "rate(errors_total[5m])", 0.01, null));
        // then
        assertErroredInOneLine(result);
        assertThat(result.summary()).isEqualTo("error-rate: errored: the plan has no metrics.prometheus; add "
                + "metrics: {prometheus: URL} so metric validations know where to ask");
        assertThat(result.kind()).isEqualTo("metric");
    }

    private static void assertErroredInOneLine(CheckResult result) {
        assertThat(result.status()).as(result.summary()).isEqualTo(CheckStatus.ERRORED);
        assertThat(result.summary()).doesNotContain("\n").doesNotContain(pair.password);
        assertThat(result.figures()).containsKey("duration_ms");
    }

    private static CheckResult run(Map<String, Connection> connections, Map<String, String> environment,
                                   ValidationPlan validation) {
        MigrationPlan plan = PlannedValidations.plan(connections, null, List.of(validation), List.of(), "orders");
        return checks(environment, Duration.ofSeconds(30)).run(plan, validation);
    }

    private static RunningPlannedChecks checks(Map<String, String> environment, Duration timeout) {
        return new RunningPlannedChecks(environment::get, Clock.systemUTC(), timeout, HttpClient.newHttpClient());
    }

    /**
     * Makes the server ask {@code role} for its password over TCP. The test server trusts every login, so this puts
     * two lines before its rules and reloads them; the original rules come back after the class.
     */
    private static synchronized void requirePasswordFor(String role, String password) {
        if (originalHba != null) {
            return;
        }
        originalHba = query("SELECT pg_read_file(current_setting('hba_file'))");
        PostgresPair.execute(pair.source, "DROP ROLE IF EXISTS " + role,
                "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'",
                "GRANT CONNECT ON DATABASE " + pair.target.name() + " TO " + role);
        writeHba("host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role + " ::1/128 scram-sha-256\n"
                + originalHba);
    }

    private static void writeHba(String text) {
        try (java.sql.Connection c = pair.source.connect();
             PreparedStatement create = c.prepareStatement("SELECT lo_from_bytea(0, convert_to(?, 'UTF8'))")) {
            create.setString(1, text);
            long oid;
            try (ResultSet rows = create.executeQuery()) {
                rows.next();
                oid = rows.getLong(1);
            }
            c.createStatement().execute("SELECT lo_export(" + oid + ", current_setting('hba_file'))");
            c.createStatement().execute("SELECT lo_unlink(" + oid + ")");
            c.createStatement().execute("SELECT pg_reload_conf()");
            Thread.sleep(300);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(String sql) {
        try (java.sql.Connection c = pair.source.connect(); ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
