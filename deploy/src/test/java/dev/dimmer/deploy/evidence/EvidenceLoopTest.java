package dev.dimmer.deploy.evidence;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.OPERATOR;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evidence loop over HTTP, on real PostgreSQL source and target databases: runs find planted differences, the
 * gate refuses naming each failing check, the data is repaired, the evidence turns green and the gate opens; a later
 * failure voids the votes; a guard failing in canary rolls the wave back by itself; a database that cannot be
 * reached gives an errored result with one line.
 */
public class EvidenceLoopTest {
    private static TestDatabase control;
    private static TestDatabase source;
    private static TestDatabase target;
    private static RunningControlPlane server;

    @BeforeAll
    static void start() throws SQLException {
        control = TestPostgres.newDatabase();
        source = TestPostgres.newDatabase();
        target = TestPostgres.newDatabase();
        for (TestDatabase side : List.of(source, target)) {
            sql(side, "CREATE SCHEMA shop", "CREATE TABLE shop.orders (order_id INT PRIMARY KEY, status TEXT NOT "
                    + "NULL, total_amount NUMERIC(12,2) NOT NULL, order_date DATE NOT NULL)",
                    "INSERT INTO shop.orders SELECT g, 'open', g * 10.5, DATE '2026-12-01' + (g % 3) "
                            + "FROM generate_series(1, 200) g");
        }
        server = RunningControlPlane.on(control);
    }

    @AfterAll
    static void stop() {
        server.close();
        for (TestDatabase db : List.of(source, target, control)) {
            db.close();
        }
    }

    public static String plan(String slug, TestDatabase source, TestDatabase target) {
        return """
                slug: %s
                title: Shop orders to the new cluster
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                  - {id: U04BEA, name: Bea Approver, role: approver}
                  - {id: U05CAI, name: Cai Approver, role: approver}
                inventory:
                  datasets:
                    - {name: orders, table: shop.orders, key_columns: [order_id], owner: team-shop}
                connections:
                  source: {jdbc_url: "%s", user: %s}
                  target: {jdbc_url: "%s", user: %s}
                  nowhere: {jdbc_url: "jdbc:postgresql://127.0.0.1:1/shop", user: dimmer}
                waves:
                  - name: orders
                    datasets: [orders]
                    canary_steps: [10, 50]
                validations:
                  - {name: orders-row-count, kind: row_count, dataset: orders, tolerance: 0%%, every: 15m}
                  - {name: orders-checksum, kind: checksum, dataset: orders, tolerance: 0%%, every: 1h, guard: true}
                  - name: daily-revenue
                    kind: aggregate
                    dataset: orders
                    expression: sum(total_amount)
                    group_by: [order_date]
                    tolerance: 0%%
                  - {name: unreachable-count, kind: row_count, dataset: orders, tolerance: 0%%, source_connection: nowhere}
                gates:
                  - {name: canary-entry, before: canary, validations: [orders-row-count, orders-checksum]}
                  - name: go-no-go
                    before: cutover
                    validations: [orders-checksum, daily-revenue]
                    approvals: [{role: approver, count: 2}]
                """.formatted(slug, source.url(), source.user(), target.url(), target.user());
    }

    @Test
    void canRefuseOnPlantedDifferencesThenOpenTheGateOnceTheDataIsRepaired() throws SQLException {
        // given a migration in SHADOW and a target with one changed, one missing and one extra row
        String id = "shop-evidence";
        register(id);
        sql(target, "UPDATE shop.orders SET status = 'lost' WHERE order_id = 17",
                "DELETE FROM shop.orders WHERE order_id = 42",
                "INSERT INTO shop.orders VALUES (999, 'open', 1.00, DATE '2026-12-01')");
        try {
            // when the operator runs the wave's validations
            JsonNode run = validate(id, "orders", List.of("orders-row-count", "orders-checksum", "daily-revenue"));

            // then the report names the failing checks with their figures, and the keys of the differing rows
            JsonNode checksum = result(run, "orders-checksum");
            assertThat(checksum.path("status").asText()).isEqualTo("failed");
            assertThat(checksum.path("summary").asText()).contains("3 rows differ");
            assertThat(checksum.path("differences").toString()).contains("17").contains("42").contains("999");
            assertThat(result(run, "orders-row-count").path("status").asText()).isEqualTo("passed");
            assertThat(result(run, "daily-revenue").path("status").asText()).isEqualTo("failed");
            JsonNode report = server.get("/api/migrations/" + id + "/validations", VIEWER).body();
            assertThat(report.path("migration").asText()).isEqualTo(id);
            JsonNode latest = report.path("waves").get(0).path("validations");
            assertThat(latest).extracting(v -> v.path("name").asText() + ":" + v.path("status").asText())
                    .containsExactly("orders-row-count:passed", "orders-checksum:failed", "daily-revenue:failed",
                            "unreachable-count:never");

            // and canary is refused, naming the failing check and what differs
            Answer refused = server.post("/api/migrations/" + id + "/waves/orders/advance", LEAD,
                    Map.of("reason", "shadow looks fine"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().path("detail").asText()).contains("orders-checksum failed")
                    .contains("3 rows differ");
            JsonNode gate = server.get("/api/migrations/" + id + "/waves/orders/gate", VIEWER).body();
            assertThat(gate.path("transition").asText()).isEqualTo("canary at 10%");
            assertThat(gate.path("open").asBoolean()).isFalse();
            assertThat(gate.path("conditions")).extracting(c -> c.path("name").asText() + ":"
                    + c.path("met").asBoolean()).containsExactly("orders-row-count:true", "orders-checksum:false");
        } finally {
            // when the data is repaired
            sql(target, "UPDATE shop.orders SET status = 'open' WHERE order_id = 17",
                    "INSERT INTO shop.orders VALUES (42, 'open', 441.00, DATE '2026-12-01')",
                    "DELETE FROM shop.orders WHERE order_id = 999");
        }
        JsonNode rerun = validate(id, "orders", List.of());
        assertThat(rerun.path("results")).extracting(r -> r.path("status").asText()).containsOnly("passed",
                "errored");

        // then the gate opens and canary goes ahead
        assertThat(server.get("/api/migrations/" + id + "/waves/orders/gate", VIEWER).body().path("open")
                .asBoolean()).isTrue();
        Answer canary = server.post("/api/migrations/" + id + "/waves/orders/advance", LEAD,
                Map.of("reason", "evidence green"));
        assertThat(canary.status()).isEqualTo(200);
        assertThat(canary.body().path("phase").asText()).isEqualTo("CANARY");
    }

    @Test
    void shouldGiveAnErroredResultWithOneLineWhenADatabaseCannotBeReached() {
        String id = "shop-unreachable";
        register(id);
        JsonNode run = validate(id, "orders", List.of("unreachable-count"));
        JsonNode errored = result(run, "unreachable-count");
        assertThat(errored.path("status").asText()).isEqualTo("errored");
        assertThat(errored.path("summary").asText()).startsWith("unreachable-count: errored: ").doesNotContain("\n")
                .containsIgnoringCase("127.0.0.1:1");
        assertThat(run.path("errored").asInt()).isEqualTo(1);
    }

    @Test
    void shouldRollBackByItselfWhenAGuardFailsInCanaryAndVoidVotesOnAFailure() throws SQLException {
        // given a wave at canary 50% with a passed go/no-go, on green evidence
        String id = "shop-guard";
        register(id);
        validate(id, "orders", List.of("orders-row-count", "orders-checksum", "daily-revenue"));
        advance(id, "evidence green", "CANARY");
        advance(id, "canary clean", "CANARY");
        server.passGoNoGo(id, "orders");
        sql(target, "UPDATE shop.orders SET total_amount = 0 WHERE order_id = 5");
        try {
            // when the guarded checksum fails in canary
            JsonNode run = validate(id, "orders", List.of("orders-checksum"));
            assertThat(result(run, "orders-checksum").path("status").asText()).isEqualTo("failed");

            // then the wave is back in SHADOW by Dimmer's own hand, the failing result named as the cause
            JsonNode wave = server.get("/api/migrations/" + id, VIEWER).body().path("waves").get(0);
            assertThat(wave.path("phase").asText()).isEqualTo("SHADOW");
            assertThat(wave.path("by").asText()).isEqualTo("Dimmer");
            List<JsonNode> trail = new ArrayList<>();
            server.get("/api/migrations/" + id + "/audit", LEAD).body().path("entries").forEach(trail::add);
            JsonNode rollback = trail.stream().filter(e -> e.path("type").asText().equals("WaveRolledBackEvent"))
                    .findFirst().orElseThrow();
            assertThat(rollback.path("channel").asText()).isEqualTo("automation");
            assertThat(rollback.path("payload").path("cause").asText()).startsWith("guard orders-checksum failed");
            assertThat(trail).extracting(e -> e.path("type").asText()).contains("GoNoGoVoidedEvent");
        } finally {
            sql(target, "UPDATE shop.orders SET total_amount = 52.50 WHERE order_id = 5");
        }
    }

    private static void register(String id) {
        Answer registered = server.postYaml("/api/migrations", LEAD, plan(id, source, target));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        advance(id, "snapshot restored", "BACKFILL");
        advance(id, "backfill done", "SHADOW");
    }

    private static void advance(String id, String reason, String phase) {
        Answer answer = server.post("/api/migrations/" + id + "/waves/orders/advance", LEAD, Map.of("reason", reason));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("phase").asText()).isEqualTo(phase);
    }

    /** Runs the validations as the operator and waits for the run to complete; answers the run. */
    static JsonNode validate(String id, String wave, List<String> only) {
        return validate(server, id, wave, only, OPERATOR);
    }

    /** As above, on the given server and with the given token. */
    static JsonNode validate(RunningControlPlane server, String id, String wave, List<String> only, String token) {
        Answer accepted = server.post("/api/migrations/" + id + "/waves/" + wave + "/validations", token,
                only.isEmpty() ? Map.of("reason", "check the copy") : Map.of("reason", "check the copy", "only", only));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        String runId = accepted.body().path("run_id").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = server.get("/api/migrations/" + id + "/validations/runs/" + runId, VIEWER).body()
                    .path("runs").path(0);
            if (run.hasNonNull("completed_at")) {
                return run;
            }
            pause();
        }
        throw new AssertionError("validation run " + runId + " did not complete within 60 s");
    }

    private static JsonNode result(JsonNode run, String validation) {
        for (JsonNode result : run.path("results")) {
            if (result.path("name").asText().equals(validation)) {
                return result;
            }
        }
        throw new AssertionError("run has no result for " + validation + ": " + run);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static void sql(TestDatabase db, String... statements) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
