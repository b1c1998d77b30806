package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A migration's whole lifecycle through the HTTP API, with the status board and audit trail checked at each step. */
class LifecycleApiTest {
    private static final String ID = "crm-lifecycle";
    private static TestDatabase database;
    private static RunningControlPlane server;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void canWalkAWaveThroughEveryPhaseWithARollback() {
        // given a registered plan
        Answer registered = server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(ID));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body().path("outcome").asText()).isEqualTo("REGISTERED");
        expectWave("customers", "PLANNED", 0, 1, "MigrationRegisteredEvent", "plan applied");

        // when the lead walks customers forward, dims it back once, and brings it up to decommissioned
        act("customers", "advance", Map.of("reason", "snapshot restored"), "BACKFILL", 0);
        expectWave("customers", "BACKFILL", 0, 2, "WaveAdvancedEvent", "snapshot restored");
        act("customers", "advance", Map.of("reason", "backfill verified"), "SHADOW", 0);
        expectWave("customers", "SHADOW", 0, 3, "WaveAdvancedEvent", "backfill verified");
        act("customers", "advance", Map.of("reason", "shadow clean"), "CANARY", 10);
        expectWave("customers", "CANARY", 10, 4, "WaveAdvancedEvent", "shadow clean");
        act("customers", "weight", Map.of("reason", "half way", "weight", 30), "CANARY", 30);
        expectWave("customers", "CANARY", 30, 5, "CanaryWeightRaisedEvent", "half way");
        act("customers", "rollback", Map.of("reason", "p99 above SLO"), "SHADOW", 0);
        expectWave("customers", "SHADOW", 0, 6, "WaveRolledBackEvent", "p99 above SLO");
        act("customers", "advance", Map.of("reason", "index fixed"), "CANARY", 10);
        act("customers", "advance", Map.of("reason", "canary clean"), "CANARY", 50);
        expectWave("customers", "CANARY", 50, 8, "CanaryWeightRaisedEvent", "canary clean");
        server.passGoNoGo(ID, "customers");
        act("customers", "cutover", Map.of("reason", "go/no-go passed"), "CUTOVER", 100);
        expectWave("customers", "CUTOVER", 100, 12, "CutoverStartedEvent", "go/no-go passed");
        act("customers", "advance", Map.of("reason", "stabilizing"), "STABILIZATION", 100);
        act("customers", "advance", Map.of("reason", "retired old path"), "DECOMMISSIONED", 100);

        // then the board and the trail tell the whole story, who and through what included
        expectWave("customers", "DECOMMISSIONED", 100, 14, "WaveAdvancedEvent", "retired old path");
        JsonNode trail = server.get("/api/migrations/" + ID + "/audit", LEAD).body().path("entries");
        assertThat(trail).hasSize(14);
        assertThat(trail.get(8).path("type").asText()).isEqualTo("GoNoGoOpenedEvent");
        assertThat(trail.get(8).path("wave").asText()).isEqualTo("customers");
        assertThat(trail.get(9).path("actor_name").asText()).isEqualTo("Bea Approver");
        JsonNode rollback = trail.get(5);
        assertThat(rollback.path("type").asText()).isEqualTo("WaveRolledBackEvent");
        assertThat(rollback.path("actor").asText()).isEqualTo("U01LEAD");
        assertThat(rollback.path("actor_name").asText()).isEqualTo("Ada Lead");
        assertThat(rollback.path("channel").asText()).isEqualTo("api");
        assertThat(rollback.path("correlation_id").asText()).isNotBlank();
        assertThat(rollback.path("payload").path("from").asText()).isEqualTo("CANARY");
        assertThat(rollback.path("payload").path("fromWeight").asInt()).isEqualTo(30);
        JsonNode status = server.get("/api/migrations/" + ID, LEAD).body();
        assertThat(status.path("waves").get(0).path("by").asText()).isEqualTo("Ada Lead");
        assertThat(status.path("waves").get(1).path("phase").asText()).isEqualTo("PLANNED");
    }

    @Test
    void cannotCutOverADependentWaveEarlyAndTheRefusalSaysWhy() {
        String id = "crm-dependency";
        server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(id));
        for (int i = 0; i < 4; i++) {
            server.post("/api/migrations/" + id + "/waves/orders/advance", LEAD, Map.of("reason", "step"));
        }
        Answer refused = server.post("/api/migrations/" + id + "/waves/orders/cutover", LEAD,
                Map.of("reason", "too early"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("code").asText()).isEqualTo("dependency-not-ready");
        assertThat(refused.body().path("detail").asText()).contains("wave orders depends on customers, which is "
                + "in PLANNED; cutover needs customers in STABILIZATION or later");
    }

    private static void act(String wave, String action, Map<String, Object> body, String phase, int weight) {
        Answer answer = server.post("/api/migrations/" + ID + "/waves/" + wave + "/" + action, LEAD, body);
        assertThat(answer.status()).as(action + " " + answer.body()).isEqualTo(200);
        assertThat(answer.body().path("phase").asText()).isEqualTo(phase);
        assertThat(answer.body().path("weight").asInt()).isEqualTo(weight);
    }

    private static void expectWave(String wave, String phase, int weight, int auditEntries, String lastType,
                                   String lastReason) {
        server.await("/api/migrations/" + ID, LEAD, status -> {
            for (JsonNode w : status.path("waves")) {
                if (w.path("name").asText().equals(wave)) {
                    return w.path("phase").asText().equals(phase) && w.path("weight").asInt() == weight;
                }
            }
            return false;
        });
        JsonNode entries = server.await("/api/migrations/" + ID + "/audit", LEAD,
                trail -> trail.path("entries").size() == auditEntries).path("entries");
        JsonNode last = entries.get(auditEntries - 1);
        assertThat(last.path("type").asText()).isEqualTo(lastType);
        assertThat(last.path("reason").asText()).isEqualTo(lastReason);
    }
}
