package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every refused command is on its migration's record, once, whatever the channel and the refusal; a refusal is
 * no update of the migration; and a plan's owner holds the owner's role on that migration only, over HTTP too.
 */
class RefusalRecordTest {
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
    void shouldRecordARefusalForWantOfARoleOverHttpOnceAndLeaveTheBoardAsItWas() {
        register("refused-http");
        JsonNode before = server.get("/api/migrations/refused-http", LEAD).body();

        // when a viewer, who holds no lead role, tries to roll back, twice under the same key
        for (int i = 0; i < 2; i++) {
            Answer refused = server.post("/api/migrations/refused-http/waves/customers/rollback", VIEWER,
                    Map.of("reason", "looks wrong to me"), Map.of("Idempotency-Key", "viewer-rollback-1"));
            assertThat(refused.status()).isEqualTo(403);
        }

        // then one entry says who tried what, why, and why it was refused
        JsonNode entry = single(refusals("refused-http", 1));
        assertThat(entry.path("actor").asText()).isEqualTo("U02VIEW");
        assertThat(entry.path("channel").asText()).isEqualTo("api");
        assertThat(entry.path("reason").asText()).isEqualTo("looks wrong to me");
        JsonNode payload = entry.path("payload");
        assertThat(payload.path("command").asText()).isEqualTo("RollBackWave");
        assertThat(payload.path("wave").asText()).isEqualTo("customers");
        assertThat(payload.path("attempted").asText()).isEqualTo("rollback customers");
        assertThat(payload.path("reason").asText()).isEqualTo("looks wrong to me");
        assertThat(payload.path("refusal").asText()).contains("Vic Viewer may not roll back wave");
        assertThat(payload.path("unmet").get(0).path("code").asText()).isEqualTo("FORBIDDEN");

        // and the board still says who last changed the migration, while its version follows the log
        JsonNode after = server.await("/api/migrations/refused-http", LEAD,
                v -> v.path("version").asLong() == before.path("version").asLong() + 1);
        assertThat(after.path("updated_by").asText()).isEqualTo(before.path("updated_by").asText());
        assertThat(after.path("updated_at").asText()).isEqualTo(before.path("updated_at").asText());
        assertThat(server.post("/api/migrations/refused-http/waves/customers/advance", LEAD,
                Map.of("reason", "backfill")).header("Warning")).isNull();
    }

    @Test
    void shouldRecordAnIllegalTransitionWithTheReasonClipped() {
        register("refused-illegal");
        String reason = "x".repeat(800);
        assertThat(server.post("/api/migrations/refused-illegal/waves/customers/cutover", LEAD,
                Map.of("reason", reason)).status()).isEqualTo(409);

        JsonNode entry = single(refusals("refused-illegal", 1));
        assertThat(entry.path("actor").asText()).isEqualTo("U01LEAD");
        assertThat(entry.path("payload").path("command").asText()).isEqualTo("StartCutover");
        assertThat(entry.path("payload").path("refusal").asText()).contains("cutover needs CANARY");
        assertThat(entry.path("payload").path("reason").asText()).hasSize(500);
        assertThat(entry.path("reason").asText()).hasSize(500);
    }

    @Test
    void shouldRecordARefusalOverTheCli() throws Exception {
        register("refused-cli");
        CliProcess.Result refused = CliProcess.run(Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", VIEWER,
                "DIMMER_HOME", Files.createTempDirectory("dimmer-cli-home").toString()),
                "abort", "refused-cli", "--reason", "stop it");
        assertThat(refused.exitCode()).isEqualTo(1);

        JsonNode entry = single(refusals("refused-cli", 1));
        assertThat(entry.path("actor").asText()).isEqualTo("U02VIEW");
        assertThat(entry.path("channel").asText()).isEqualTo("cli");
        assertThat(entry.path("reason").asText()).isEqualTo("stop it");
        assertThat(entry.path("payload").path("command").asText()).isEqualTo("AbortMigration");
    }

    @Test
    void shouldLogButNotStoreARefusalForAnUnknownMigration() {
        assertThat(server.post("/api/migrations/nowhere/waves/customers/advance", VIEWER,
                Map.of("reason", "try")).status()).isIn(403, 404);
        assertThat(server.post("/api/migrations/nowhere/waves/customers/advance", LEAD,
                Map.of("reason", "try")).status()).isEqualTo(404);
    }

    @Test
    void canActAsAPlanOwnerOnThatMigrationOnly() {
        // given a plan that names the viewer's actor id as a lead, and one that does not
        assertThat(server.postYaml("/api/migrations", LEAD, ownedBy("owned", "U02VIEW")).status()).isEqualTo(201);
        assertThat(server.postYaml("/api/migrations", LEAD, ownedBy("not-owned", "U01LEAD")).status())
                .isEqualTo(201);

        // then the viewer's token advances the one it owns, as a lead
        Answer owned = server.post("/api/migrations/owned/waves/customers/advance", VIEWER,
                Map.of("reason", "owner's step"));
        assertThat(owned.status()).as(owned.body().toString()).isEqualTo(200);
        JsonNode step = server.await("/api/migrations/owned/audit", LEAD, t -> t.path("entries").size() == 2)
                .path("entries").get(1);
        assertThat(step.path("type").asText()).isEqualTo("WaveAdvancedEvent");
        assertThat(step.path("actor").asText()).isEqualTo("U02VIEW");

        // and not the other
        assertThat(server.post("/api/migrations/not-owned/waves/customers/advance", VIEWER,
                Map.of("reason", "not mine")).status()).isEqualTo(403);
    }

    private static String ownedBy(String slug, String ownerId) {
        return """
                slug: %s
                title: Owned migration
                owners:
                  - {id: %s, name: Owner, role: lead}
                waves:
                  - name: customers
                    canary_steps: [10, 50]
                """.formatted(slug, ownerId);
    }

    private static void register(String id) {
        assertThat(server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(id)).status()).isEqualTo(201);
    }

    private static List<JsonNode> refusals(String id, int expected) {
        JsonNode trail = server.await("/api/migrations/" + id + "/audit", LEAD, t -> count(t) >= expected);
        List<JsonNode> refused = new ArrayList<>();
        trail.path("entries").forEach(e -> {
            if (e.path("type").asText().equals("CommandRefusedEvent")) {
                refused.add(e);
            }
        });
        return refused;
    }

    private static long count(JsonNode trail) {
        return trail.path("entries").findValuesAsText("type").stream().filter("CommandRefusedEvent"::equals).count();
    }

    private static JsonNode single(List<JsonNode> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }
}
