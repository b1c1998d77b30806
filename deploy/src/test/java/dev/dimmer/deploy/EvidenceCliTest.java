package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.deploy.evidence.EvidenceLoopTest;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** dimmer validate, report and gate as a person runs them, against a control plane on real databases. */
class EvidenceCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase control;
    private static TestDatabase source;
    private static TestDatabase target;
    private static RunningControlPlane server;

    @BeforeAll
    static void start() throws Exception {
        control = TestPostgres.newDatabase();
        source = TestPostgres.newDatabase();
        target = TestPostgres.newDatabase();
        for (TestDatabase side : List.of(source, target)) {
            EvidenceLoopTest.sql(side, "CREATE SCHEMA shop", "CREATE TABLE shop.orders (order_id INT PRIMARY KEY, "
                    + "status TEXT NOT NULL, total_amount NUMERIC(12,2) NOT NULL, order_date DATE NOT NULL)",
                    "INSERT INTO shop.orders SELECT g, 'open', g * 10.5, DATE '2026-12-01' + (g % 3) "
                            + "FROM generate_series(1, 100) g");
        }
        EvidenceLoopTest.sql(target, "UPDATE shop.orders SET status = 'lost' WHERE order_id = 7");
        server = RunningControlPlane.on(control);
        server.postYaml("/api/migrations", RunningControlPlane.LEAD, EvidenceLoopTest.plan("shop-cli", source, target));
        for (String reason : List.of("backfill", "shadow")) {
            server.post("/api/migrations/shop-cli/waves/orders/advance", RunningControlPlane.LEAD,
                    Map.of("reason", reason));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        for (TestDatabase db : List.of(control, source, target)) {
            db.close();
        }
    }

    @Test
    void canValidateReadTheReportAndTheGateFromTheCommandLine() throws Exception {
        Map<String, String> operator = Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN",
                RunningControlPlane.OPERATOR, "DIMMER_HOME", Files.createTempDirectory("dimmer-cli-home").toString());

        // when the operator runs two validations and waits for them
        CliProcess.Result validated = CliProcess.run(operator, "validate", "shop-cli", "orders", "--only",
                "orders-row-count", "--only", "orders-checksum", "--wait", "--json");

        // then the exit code says one failed, and the JSON has the report's shape
        assertThat(validated.exitCode()).as(validated.err()).isEqualTo(1);
        JsonNode run = JSON.readTree(validated.out());
        assertThat(run.path("migration").asText()).isEqualTo("shop-cli");
        assertThat(run.path("waves").get(0).path("name").asText()).isEqualTo("orders");
        assertThat(run.path("waves").get(0).path("validations")).extracting(v -> v.path("name").asText() + ":"
                + v.path("status").asText()).containsExactly("orders-row-count:passed", "orders-checksum:failed");

        // and the report and the gate tell the same story, with exit 1 while something fails
        CliProcess.Result report = CliProcess.run(operator, "report", "shop-cli");
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.out()).contains("✗").contains("orders-checksum").contains("1 row differs")
                .contains("never");
        CliProcess.Result gate = CliProcess.run(operator, "gate", "shop-cli", "orders");
        assertThat(gate.exitCode()).isEqualTo(1);
        assertThat(gate.out()).contains("next canary at 10% — closed").contains("✓ orders-row-count passed")
                .contains("✗ orders-checksum failed");
        CliProcess.Result html = CliProcess.run(operator, "report", "shop-cli", "--format", "html");
        assertThat(html.out()).startsWith("<!DOCTYPE html>").doesNotContain("<script");

        // and the runbook rendered with the server's evidence ticks the pass and says what failed
        java.nio.file.Path plan = Files.createTempFile("shop-cli", ".yaml");
        Files.writeString(plan, EvidenceLoopTest.plan("shop-cli", source, target));
        CliProcess.Result runbook = CliProcess.run(operator, "plan", "render", plan.toString(), "--migration",
                "shop-cli");
        assertThat(runbook.exitCode()).as(runbook.err()).isZero();
        assertThat(runbook.out()).containsPattern("\\[x\\] Validation orders-row-count passed: .* — latest: passed")
                .containsPattern("\\[ \\] Validation orders-checksum passed: .* — latest: failed .*1 row differs")
                .containsPattern("\\[ \\] Validation daily-revenue passed: .* — latest: no result yet");
        CliProcess.Result unknown = CliProcess.run(operator, "plan", "render", plan.toString(), "--migration",
                "no-such-migration");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no-such-migration").doesNotContain("Exception");
    }
}
