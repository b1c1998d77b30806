package dev.dimmer.validation.plan;

import static dev.dimmer.validation.plan.PlannedValidations.aggregate;
import static dev.dimmer.validation.plan.PlannedValidations.checksum;
import static dev.dimmer.validation.plan.PlannedValidations.freshness;
import static dev.dimmer.validation.plan.PlannedValidations.nullRate;
import static dev.dimmer.validation.plan.PlannedValidations.pkUniqueness;
import static dev.dimmer.validation.plan.PlannedValidations.rowCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.plan.Connection;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.net.http.HttpClient;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core kinds from PostgreSQL to MariaDB, on the server named by {@code DIMMER_TEST_MARIADB_URL} (skipped, with
 * the reason printed, when it is not set): the same orders with a changed, a missing and an extra row, emails lost
 * and timestamps behind on the target.
 */
class RunningPlannedChecksOnMariaDbTest {
    private static final String VARIABLE = "DIMMER_TEST_MARIADB_URL";
    private static String serverUrl;
    private static String database;
    private static TestDatabase source;
    private static RunningPlannedChecks checks;
    private static Map<String, Connection> connections;

    @BeforeAll
    static void plantDifferences() {
        serverUrl = System.getenv(VARIABLE);
        if (serverUrl == null || serverUrl.isBlank()) {
            String reason = "MariaDB tests skipped: " + VARIABLE + " is not set (e.g. "
                    + "jdbc:mariadb://127.0.0.1:3306/?user=root&password=)";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        database = "dimmer_test_" + HexFormat.of().formatHex(bytes);
        onMaria(serverUrl, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        onMaria(targetUrl(), "SET time_zone = '+00:00'",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(10), amount DECIMAL(10,2), "
                        + "order_date DATE, updated_at TIMESTAMP(6) NULL, email VARCHAR(40))",
                "INSERT INTO orders SELECT seq, 'paid', seq / 4, DATE '2024-05-01' + INTERVAL (seq % 5) DAY, "
                        + "TIMESTAMP '2024-05-01 11:50:00' - INTERVAL (1000 - seq) SECOND, "
                        + "IF(seq <= 30, NULL, CONCAT('a', seq, '@x')) FROM seq_1_to_1000",
                "DELETE FROM orders WHERE id IN (7, 8)",
                "UPDATE orders SET status = 'lost' WHERE id = 5",
                "INSERT INTO orders VALUES (1001, 'paid', 1, DATE '2024-05-02', TIMESTAMP '2024-05-01 11:00:00', 'z@x')",
                "CREATE TABLE order_lines (line_id BIGINT, order_id BIGINT)",
                "INSERT INTO order_lines SELECT seq, seq FROM seq_1_to_50",
                "INSERT INTO order_lines VALUES (3, 3)");
        source = TestPostgres.newDatabase();
        PostgresPair.execute(source, "CREATE TABLE orders (id bigint PRIMARY KEY, status text, amount numeric(10,2),"
                        + " order_date date, updated_at timestamptz, email text)",
                "INSERT INTO orders SELECT i, 'paid', i / 4.0, DATE '2024-05-01' + (i % 5),"
                        + " TIMESTAMPTZ '2024-05-01 12:00:00+00' - (1000 - i) * INTERVAL '1 second', 'a' || i || '@x'"
                        + " FROM generate_series(1, 1000) i",
                "CREATE TABLE order_lines (line_id bigint PRIMARY KEY, order_id bigint)",
                "INSERT INTO order_lines SELECT i, i FROM generate_series(1, 50) i");
        connections = Map.of("source", new Connection(source.url(), source.user(), "${env:SOURCE_PW}"),
                "target", new Connection(targetUrl(), parameter("user"), "${env:TARGET_PW}"));
        Map<String, String> environment = Map.of("SOURCE_PW", source.password(), "TARGET_PW", parameter("password"));
        checks = new RunningPlannedChecks(environment::get, Clock.fixed(RunningPlannedChecksTest.NOW,
                ZoneOffset.UTC), Duration.ofSeconds(30), HttpClient.newHttpClient());
    }

    @AfterAll
    static void dropDatabases() {
        if (source != null) {
            source.close();
            onMaria(serverUrl, "DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void shouldCountRowsAcrossEngines() {
        // when
        CheckResult result = run(rowCount("orders-row-count", "orders", "0%"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.figures()).containsEntry("source_rows", 1000L).containsEntry("target_rows", 999L);
        assertThat(result.figures().get("target_version").toString()).containsIgnoringCase("maria");
    }

    @Test
    void shouldNameDifferingRowsAcrossEngines() {
        // when
        CheckResult result = run(checksum("orders-checksum", "orders", List.of("status", "amount"), false));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.summary()).isEqualTo("orders-checksum: 4 rows differ (2 missing, 1 extra, 1 changed) of 1,000");
        assertThat(result.figures()).containsEntry("hash_mode", "canonical_md5");
        assertThat(result.differences()).containsEntry("changed", List.of(Map.of("id", 5L)));
    }

    @Test
    void shouldCompareAggregatesAcrossEngines() {
        // when
        CheckResult result = run(aggregate("daily-revenue", "orders", "sum(amount)", List.of("order_date")));
        // then ids 7, 8 (missing) and 1001 (extra) move three days' totals; the changed status moves no amount
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.figures()).containsEntry("groups", 5).containsEntry("groups_outside", 3);
    }

    @Test
    void shouldFindDuplicatedKeysOnMariaDb() {
        // when
        CheckResult result = run(pkUniqueness("lines-pk", "order_lines"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.figures()).containsEntry("duplicated_keys", 1L).containsEntry("null_keys", 0L);
    }

    @Test
    void shouldCompareNullRatesAndFreshnessAcrossEngines() {
        // when
        CheckResult nulls = run(nullRate("order-emails", "orders", "email", "0.1%"));
        CheckResult fresh = run(freshness("orders-fresh", "orders", "updated_at", "5m"));
        CheckResult lenient = run(freshness("orders-fresh", "orders", "updated_at", "15m"));
        // then
        assertThat(nulls.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(nulls.figures()).containsEntry("target_nulls", 28L);
        assertThat(fresh.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(fresh.figures()).containsEntry("lag_behind_source_ms", Duration.ofMinutes(10).toMillis());
        assertThat(lenient.status()).isEqualTo(CheckStatus.PASSED);
    }

    private static CheckResult run(ValidationPlan validation) {
        MigrationPlan plan = PlannedValidations.plan(connections, null, List.of(validation), List.of(), "orders");
        return checks.run(plan, validation);
    }

    private static String targetUrl() {
        int slash = serverUrl.indexOf('/', "jdbc:mariadb://".length());
        return serverUrl.substring(0, slash + 1) + database;
    }

    private static String parameter(String name) {
        int query = serverUrl.indexOf('?');
        if (query >= 0) {
            for (String pair : serverUrl.substring(query + 1).split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return "";
    }

    private static void onMaria(String url, String... statements) {
        int query = serverUrl.indexOf('?');
        String withCredentials = url.equals(serverUrl) || query < 0 ? url : url + serverUrl.substring(query);
        try (java.sql.Connection c = DriverManager.getConnection(withCredentials); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
