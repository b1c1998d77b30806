package dev.dimmer.validation.plan;

import static dev.dimmer.validation.plan.PlannedValidations.aggregate;
import static dev.dimmer.validation.plan.PlannedValidations.checksum;
import static dev.dimmer.validation.plan.PlannedValidations.customSql;
import static dev.dimmer.validation.plan.PlannedValidations.freshness;
import static dev.dimmer.validation.plan.PlannedValidations.nullRate;
import static dev.dimmer.validation.plan.PlannedValidations.pkUniqueness;
import static dev.dimmer.validation.plan.PlannedValidations.rowCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of database validation, run as a plan declares it, on a PostgreSQL source and target with planted
 * differences: in orders a changed row (5), two missing (7, 8), an extra one (1001), emails lost for 30 rows and
 * timestamps ten minutes behind; in order lines a duplicated and a null key; payments identical on both sides.
 */
class RunningPlannedChecksTest {
    static final Instant NOW = Instant.parse("2024-05-01T12:30:00Z");
    private static PostgresPair pair;
    private static RunningPlannedChecks checks;

    @BeforeAll
    static void plantDifferences() {
        pair = new PostgresPair();
        pair.onBoth("CREATE TABLE orders (id bigint PRIMARY KEY, status text, amount numeric(10,2), order_date date,"
                        + " updated_at timestamptz, email text)",
                "INSERT INTO orders SELECT i, 'paid', i / 4.0, DATE '2024-05-01' + (i % 5),"
                        + " TIMESTAMPTZ '2024-05-01 12:00:00+00' - (1000 - i) * INTERVAL '1 second', 'a' || i || '@x'"
                        + " FROM generate_series(1, 1000) i",
                "CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric(10,2), paid_at timestamptz, note text)",
                "INSERT INTO payments SELECT i, i * 1.5, TIMESTAMPTZ '2024-05-01 12:00:00+00' - i * INTERVAL '1 minute',"
                        + " CASE WHEN i % 10 = 0 THEN NULL ELSE 'n' END FROM generate_series(1, 200) i");
        pair.onSource("CREATE TABLE order_lines (line_id bigint PRIMARY KEY, order_id bigint)",
                "INSERT INTO order_lines SELECT i, i FROM generate_series(1, 50) i");
        pair.onTarget("CREATE TABLE order_lines (line_id bigint, order_id bigint)",
                "INSERT INTO order_lines SELECT i, i FROM generate_series(1, 50) i",
                "INSERT INTO order_lines VALUES (3, 3), (NULL, 9)",
                "DELETE FROM orders WHERE id IN (7, 8)",
                "UPDATE orders SET status = 'lost', amount = amount + 1 WHERE id = 5",
                "INSERT INTO orders VALUES (1001, 'paid', 1, DATE '2024-05-02', TIMESTAMPTZ '2024-05-01 11:00:00+00',"
                        + " 'z@x')",
                "UPDATE orders SET updated_at = updated_at - INTERVAL '10 minutes', "
                        + "email = CASE WHEN id <= 30 THEN NULL ELSE email END");
        checks = new RunningPlannedChecks(pair.environment()::get, Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(30), HttpClient.newHttpClient());
    }

    @AfterAll
    static void dropDatabases() {
        pair.close();
    }

    @Test
    void canPassRowCountsThatAgree() {
        // when
        CheckResult result = run(rowCount("payments-row-count", "payments", "0%"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.figures()).containsEntry("source_rows", 200L).containsEntry("target_rows", 200L)
                .containsEntry("delta", 0L);
        assertThat(result.figures().get("source_version").toString()).startsWith("PostgreSQL ");
        assertThat(result.figures()).containsKeys("target_version", "duration_ms");
        assertThat(result.summary()).isEqualTo("payments-row-count: 200 rows on the target, 200 on the source");
    }

    @Test
    void cannotPassRowCountsOutsideTheTolerance() {
        // when
        CheckResult result = run(rowCount("orders-row-count", "orders", "0%"));
        CheckResult tolerated = run(rowCount("orders-row-count", "orders", "1%"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.figures()).containsEntry("source_rows", 1000L).containsEntry("target_rows", 999L)
                .containsEntry("delta", -1L);
        assertThat(result.summary()).isEqualTo(
                "orders-row-count: 999 rows on the target, 1,000 on the source (1 fewer; tolerance 0%)");
        assertThat(tolerated.status()).isEqualTo(CheckStatus.PASSED);
    }

    @Test
    void canPassChecksumsOfIdenticalTables() {
        // when
        CheckResult result = run(checksum("payments-checksum", "payments", List.of(), false));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.figures()).containsEntry("missing", 0).containsEntry("extra", 0)
                .containsEntry("changed", 0).containsEntry("source_rows", 200L);
        assertThat(result.differences()).isEmpty();
    }

    @Test
    void shouldNameTheMissingExtraAndChangedRowsOfAChecksum() {
        // when
        CheckResult result = run(checksum("orders-checksum", "orders", List.of("status", "amount"), false));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.summary()).isEqualTo(
                "orders-checksum: 4 rows differ (2 missing, 1 extra, 1 changed) of 1,000");
        assertThat(result.figures()).containsEntry("missing", 2).containsEntry("extra", 1)
                .containsEntry("changed", 1).containsEntry("keys_hashed", false);
        assertThat(result.differences()).containsEntry("missing_in_target",
                        List.of(Map.of("id", 7L), Map.of("id", 8L)))
                .containsEntry("extra_in_target", List.of(Map.of("id", 1001L)))
                .containsEntry("changed", List.of(Map.of("id", 5L)))
                .containsEntry("changed_columns", Map.of("amount", 1, "status", 1));
    }

    @Test
    void shouldHashTheKeysOfAChecksumThatAsksForIt() throws Exception {
        // when
        CheckResult result = run(checksum("orders-checksum", "orders", List.of("status", "amount"), true));
        // then only hashes of the keys leave the database
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.figures()).containsEntry("keys_hashed", true);
        assertThat(result.differences().get("missing_in_target")).isEqualTo(List.of(sha("id=7"), sha("id=8")));
        assertThat(result.differences().get("changed")).isEqualTo(List.of(sha("id=5")));
        assertThat(result.differences().toString()).doesNotContain("1001");
    }

    @Test
    void canPassAnAggregateOverTheWholeTable() {
        // when
        CheckResult result = run(aggregate("payments-total", "payments", "sum(amount)", List.of()));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.figures()).containsEntry("groups", 1).containsEntry("groups_outside", 0);
    }

    @Test
    void shouldListTheGroupsOfAnAggregateOutsideTheTolerance() {
        // when
        CheckResult result = run(aggregate("daily-revenue", "orders", "sum(amount)", List.of("order_date")));
        // then ids 5 (changed, day 1), 1001 (extra, day 2), 7 and 8 (missing, days 3 and 4) move four days' totals
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.figures()).containsEntry("groups", 5).containsEntry("groups_outside", 4);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) result.differences().get("groups");
        assertThat(groups).extracting(g -> g.get("group"))
                .containsExactly("2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04");
        assertThat(groups.get(0)).containsEntry("source", new BigDecimal("25125.00"))
                .containsEntry("target", new BigDecimal("25126.00")).containsEntry("delta", new BigDecimal("1.00"));
        assertThat(groups.get(2).get("delta")).isEqualTo(new BigDecimal("-1.75"));
        assertThat(result.summary()).isEqualTo("daily-revenue: sum(amount) per order_date: 4 of 5 groups outside 0%"
                + " (2024-05-01: source 25125, target 25126)");
    }

    @Test
    void canPassKeyUniquenessWithTheSourcesPrimaryKey() {
        // when
        CheckResult result = run(pkUniqueness("payments-pk", "payments"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.figures()).containsEntry("key_columns", List.of("id")).containsEntry("duplicated_keys", 0L);
        assertThat(result.figures()).containsKey("target_version");
    }

    @Test
    void shouldCountDuplicatedAndNullKeysOnTheTarget() {
        // when
        CheckResult result = run(pkUniqueness("lines-pk", "order_lines"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.figures()).containsEntry("duplicated_keys", 1L).containsEntry("null_keys", 1L);
        assertThat(result.differences()).containsEntry("duplicated", List.of(Map.of("line_id", 3L)));
        assertThat(result.summary()).isEqualTo(
                "lines-pk: 1 duplicated key and 1 rows with a null key (line_id) on the target");
    }

    @Test
    void canPassNullRatesThatAgree() {
        // when
        CheckResult result = run(nullRate("payment-notes", "payments", "note", "0%"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.figures()).containsEntry("source_null_rate", 0.1).containsEntry("target_null_rate", 0.1);
    }

    @Test
    void cannotPassNullRatesFurtherApartThanTheTolerance() {
        // when
        CheckResult result = run(nullRate("order-emails", "orders", "email", "0.1%"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.figures()).containsEntry("source_nulls", 0L).containsEntry("target_nulls", 28L)
                .containsEntry("source_null_rate", 0.0);
        assertThat(result.summary()).contains("2.80 % of the target's 999 rows");
    }

    @Test
    void canPassFreshnessWhenTheTargetKeepsUp() {
        // when
        CheckResult result = run(freshness("payments-fresh", "payments", "paid_at", "1m"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.figures()).containsEntry("lag_behind_source_ms", 0L)
                .containsEntry("source_newest", "2024-05-01T11:59:00Z")
                .containsEntry("source_lag_ms", Duration.ofMinutes(31).toMillis());
    }

    @Test
    void cannotPassFreshnessWhenTheTargetTrailsTooFar() {
        // when
        CheckResult result = run(freshness("orders-fresh", "orders", "updated_at", "5m"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.figures()).containsEntry("lag_behind_source_ms", Duration.ofMinutes(10).toMillis())
                .containsEntry("target_newest", "2024-05-01T11:50:00Z");
        assertThat(result.summary()).startsWith("orders-fresh: the target trails the source by 10m (max 5m)");
    }

    @Test
    void shouldAskForTheColumnOfAFreshnessValidation() {
        // when
        CheckResult result = run(freshness("orders-fresh", "orders", null, "5m"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.ERRORED);
        assertThat(result.summary()).contains("give the freshness validation a column:");
    }

    @Test
    void canPassCustomQueriesThatAgree() {
        // when
        CheckResult result = run(customSql("payments-sum", "SELECT count(*), sum(amount) FROM payments",
                "SELECT count(*), sum(amount) FROM payments"));
        // then
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.figures()).containsEntry("differing_cells", 0).containsEntry("source_rows", 1);
    }

    @Test
    void shouldSayWhereCustomQueriesDifferWithoutTheirValues() {
        // when
        CheckResult result = run(customSql("status-counts",
                "SELECT status, count(*) FROM orders GROUP BY status ORDER BY 1",
                "SELECT status, count(*) FROM orders GROUP BY status ORDER BY 1"));
        // then the target has 'lost' before 'paid': the first row differs in both cells
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.figures()).containsEntry("source_rows", 1).containsEntry("target_rows", 2)
                .containsEntry("differing_cells", 2);
        assertThat(result.differences()).containsEntry("cells", List.of(Map.of("row", 1, "column", 1),
                Map.of("row", 1, "column", 2)));
        assertThat(result.toString()).doesNotContain("lost");
    }

    private static CheckResult run(ValidationPlan validation) {
        MigrationPlan plan = PlannedValidations.plan(pair.connections(), null, List.of(validation), List.of(),
                "public.orders");
        return checks.run(plan, validation);
    }

    private static String sha(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    }
}
