package dev.dimmer.deploy.rollback;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rollback and cutover runbooks executed by a running control plane: a switch, a view swap on real PostgreSQL and
 * a signed webhook to a local receiver, once each; a failing webhook stalls the runbook until a retry; a rehearsal
 * is measured and a gate counts it. The webhook's secret is an environment variable every test JVM has (PATH).
 */
class RollbackRunbookTest {
    private static final String SECRET_VARIABLE = "PATH";
    private static TestDatabase database;
    private static TestDatabase target;
    private static WebhookReceiver receiver;
    private static RunningControlPlane server;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.newDatabase();
        target = TestPostgres.newDatabase();
        RunbookPlans.prepare(target);
        receiver = new WebhookReceiver(System.getenv(SECRET_VARIABLE));
        server = RunningControlPlane.on(database);
    }

    @AfterAll
    static void stop() {
        server.close();
        receiver.close();
        target.close();
        database.close();
    }

    private static void register(String slug, boolean gate) {
        Answer registered = server.postYaml("/api/migrations", LEAD, RunbookPlans.plan(slug, target,
                receiver.url("/hooks/" + slug), SECRET_VARIABLE, gate));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        for (String reason : List.of("backfill", "shadow", "canary", "half")) {
            Answer moved = post(slug, "advance", LEAD, Map.of("reason", reason));
            assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        }
    }

    private static Answer post(String slug, String action, String token, Map<String, Object> body) {
        return server.post("/api/migrations/" + slug + "/waves/customers/" + action, token, body);
    }

    private static List<JsonNode> events(String slug, String type) {
        JsonNode trail = server.get("/api/migrations/" + slug + "/audit", LEAD).body().path("entries");
        List<JsonNode> found = new ArrayList<>();
        trail.forEach(e -> {
            if (e.path("type").asText().equals(type)) {
                found.add(e.path("payload"));
            }
        });
        return found;
    }

    private static JsonNode await(String slug, String type) {
        server.await("/api/migrations/" + slug + "/audit", LEAD, trail -> {
            for (JsonNode e : trail.path("entries")) {
                if (e.path("type").asText().equals(type)) {
                    return true;
                }
            }
            return false;
        });
        return events(slug, type).get(0);
    }

    @Test
    void canRollBackAWaveByRunningItsThreeStepsOnceEach() throws Exception {
        // given a wave in canary whose rollback flips its switch, swaps a view back and calls a signed webhook
        String slug = "view-swap-once";
        register(slug, false);

        // when the lead rolls it back
        assertThat(post(slug, "rollback", LEAD, Map.of("reason", "p99 above SLO")).status()).isEqualTo(200);

        // then the runbook completes, each step once, measured, with the recovery time on record
        JsonNode completed = await(slug, "RunbookCompletedEvent");
        assertThat(completed.path("steps").asInt()).isEqualTo(3);
        assertThat(completed.path("totalMillis").asLong()).isPositive();
        assertThat(events(slug, "RunbookStepStartedEvent")).hasSize(3);
        List<JsonNode> succeeded = events(slug, "RunbookStepSucceededEvent");
        assertThat(succeeded).extracting(s -> s.path("kind").asText()).containsExactly("switch", "sql", "http");
        assertThat(succeeded.get(2).path("detail").asText()).isEqualTo("HTTP 200");
        assertThat(RunbookPlans.viewRows(target)).isEqualTo(1);
        String key = "dimmer:" + slug + ":customers:rollback:1:2";
        assertThat(receiver.callsWithKey(key)).isEqualTo(1);
        WebhookReceiver.Call call = receiver.calls().stream().filter(c -> key.equals(c.key())).findFirst().orElseThrow();
        assertThat(call.signed()).isTrue();
        assertThat(call.rehearsal()).isFalse();
        assertThat(call.body()).isEqualTo("{\"wave\":\"customers\",\"to\":\"source\"}");
        assertThat(RunbookPlans.count(target, "SELECT count(*) FROM dimmer_runbook_step WHERE step_key = 'dimmer:"
                + slug + ":customers:rollback:1:1'")).isEqualTo(1);
        // and the status shows the runbook step by step
        JsonNode wave = server.await("/api/migrations/" + slug, LEAD,
                s -> s.path("waves").get(0).path("runbook").path("state").asText().equals("completed"))
                .path("waves").get(0).path("runbook");
        assertThat(wave.path("purpose").asText()).isEqualTo("rollback");
        assertThat(wave.path("steps")).hasSize(3);
        assertThat(wave.path("steps").get(1).path("state").asText()).isEqualTo("succeeded");
        assertThat(wave.path("total_millis").asLong()).isPositive();
    }

    @Test
    void shouldStallOnAFailingWebhookAndFinishOnRetry() throws Exception {
        // given a webhook that answers 503
        String slug = "hook-fails";
        register(slug, false);
        receiver.answer(503);
        try {
            // when the wave is rolled back
            post(slug, "rollback", LEAD, Map.of("reason", "errors"));

            // then the runbook stalls at the webhook, naming it, after the step's own retries
            JsonNode stalled = await(slug, "RunbookStalledEvent");
            assertThat(stalled.path("step").asInt()).isEqualTo(2);
            assertThat(stalled.path("reason").asText()).contains("failed after 2 attempt(s): HTTP 503, expected 2xx");
        } finally {
            receiver.answer(200);
        }

        // when the lead retries
        Answer retried = post(slug, "rollback/retry", LEAD, Map.of("reason", "hook fixed"));
        assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);

        // then it resumes at the webhook, runs the SQL no second time, and completes
        await(slug, "RunbookCompletedEvent");
        assertThat(events(slug, "RunbookRetriedEvent").get(0).path("fromStep").asInt()).isEqualTo(2);
        assertThat(events(slug, "RunbookStepSucceededEvent")).hasSize(3);
        String key = "dimmer:" + slug + ":customers:rollback:1:2";
        assertThat(receiver.calls().stream().filter(c -> key.equals(c.key())).map(WebhookReceiver.Call::key)
                .distinct()).hasSize(1);
        assertThat(receiver.callsWithKey(key)).isEqualTo(3);
    }

    @Test
    void shouldRunTheCutoverActionsOnCutover() throws Exception {
        // given a wave at its last canary step whose go/no-go passed
        String slug = "cutover-swap";
        register(slug, false);
        post(slug, "rollback", LEAD, Map.of("reason", "swap back first"));
        await(slug, "RunbookCompletedEvent");
        post(slug, "advance", LEAD, Map.of("reason", "canary again"));
        post(slug, "advance", LEAD, Map.of("reason", "half again"));
        server.passGoNoGo(slug, "customers");

        // when it cuts over
        Answer cut = post(slug, "cutover", LEAD, Map.of("reason", "go"));
        assertThat(cut.status()).as(cut.body().toString()).isEqualTo(200);

        // then the cutover runbook swapped the view forward
        server.await("/api/migrations/" + slug + "/audit", LEAD, trail -> {
            for (JsonNode e : trail.path("entries")) {
                if (e.path("type").asText().equals("RunbookCompletedEvent")
                        && e.path("payload").path("purpose").asText().equals("CUTOVER")) {
                    return true;
                }
            }
            return false;
        });
        assertThat(RunbookPlans.viewRows(target)).isEqualTo(2);
    }

    @Test
    void shouldRecordADryRunThatLeavesTheDatabaseAsItWas() throws Exception {
        // given a wave whose view reads the new table
        String slug = "dry-run";
        register(slug, false);
        try (var c = target.connect(); var s = c.createStatement()) {
            s.execute("CREATE OR REPLACE VIEW customers_read AS SELECT * FROM new_customers");
        }
        long swaps = RunbookPlans.count(target, "SELECT count(*) FROM swaps");

        // when an operator rehearses the rollback as a dry run
        Answer rehearsal = post(slug, "rehearsal", OPERATOR, Map.of("dry_run", true));

        // then each step ran and was measured, nothing was kept, and the webhook was told it is a rehearsal
        assertThat(rehearsal.status()).as(rehearsal.body().toString()).isEqualTo(200);
        assertThat(rehearsal.body().path("succeeded").asBoolean()).isTrue();
        assertThat(rehearsal.body().path("dry_run").asBoolean()).isTrue();
        assertThat(rehearsal.body().path("steps")).hasSize(3);
        assertThat(rehearsal.body().path("steps").get(1).path("detail").asText()).startsWith("ran and rolled back");
        assertThat(RunbookPlans.viewRows(target)).isEqualTo(2);
        assertThat(RunbookPlans.count(target, "SELECT count(*) FROM swaps")).isEqualTo(swaps);
        assertThat(receiver.calls().stream().filter(c -> c.path().equals("/hooks/" + slug)))
                .singleElement().satisfies(c -> assertThat(c.rehearsal()).isTrue());
        assertThat(await(slug, "RollbackRehearsedEvent").path("totalMillis").asLong()).isNotNegative();
    }

    @Test
    void canRehearseForRealOnTheStagingSectionAndMeasureIt() throws Exception {
        // given a plan whose rehearsal section names a staging database and staging webhook URLs
        String slug = "staging-rehearsal";
        try (TestDatabase staging = TestPostgres.newDatabase()) {
            RunbookPlans.prepare(staging);
            Answer registered = server.postYaml("/api/migrations", LEAD, RunbookPlans.planWithStaging(slug, target,
                    receiver.url("/hooks/" + slug), SECRET_VARIABLE, staging, receiver.url("/hooks/"),
                    receiver.url("/staging/")));
            assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
            long swaps = RunbookPlans.count(target, "SELECT count(*) FROM swaps");

            // when the lead rehearses the rollback for real
            Answer rehearsal = post(slug, "rehearsal", LEAD, Map.of("reason", "quarterly drill"));

            // then the steps ran on staging, measured, and production was not touched
            assertThat(rehearsal.status()).as(rehearsal.body().toString()).isEqualTo(200);
            assertThat(rehearsal.body().path("succeeded").asBoolean()).isTrue();
            assertThat(rehearsal.body().path("dry_run").asBoolean()).isFalse();
            assertThat(RunbookPlans.viewRows(staging)).isEqualTo(1);
            assertThat(RunbookPlans.count(target, "SELECT count(*) FROM swaps")).isEqualTo(swaps);
            assertThat(receiver.calls().stream().filter(c -> c.path().equals("/staging/" + slug)))
                    .singleElement().satisfies(c -> assertThat(c.rehearsal() && c.signed()).isTrue());
            assertThat(await(slug, "RollbackRehearsedEvent").path("dryRun").asBoolean()).isFalse();
        }
    }

    @Test
    void cannotRehearseForRealWithoutTheLeadRole() {
        String slug = "rehearse-forbidden";
        register(slug, false);

        Answer refused = post(slug, "rehearsal", OPERATOR, Map.of("dry_run", false));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("detail").asText()).contains("needs the lead role");
    }

    @Test
    void cannotCutOverUntilTheRollbackIsRehearsedWhenTheGateAsks() {
        // given a gate with rehearsed_rollback and a passed go/no-go
        String slug = "gated-cutover";
        register(slug, true);
        server.passGoNoGo(slug, "customers");

        // when the lead cuts over before any rehearsal, it is refused, naming the rehearsal
        Answer refused = post(slug, "cutover", LEAD, Map.of("reason", "go"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("detail").asText()).contains("has no measured rehearsal");

        // when the lead rehearses (a dry run), the cutover goes ahead
        Answer rehearsed = post(slug, "rehearsal", LEAD, Map.of("dry_run", true, "reason", "before cutover"));
        assertThat(rehearsed.status()).as(rehearsed.body().toString()).isEqualTo(200);
        Answer cut = post(slug, "cutover", LEAD, Map.of("reason", "go"));
        assertThat(cut.status()).as(cut.body().toString()).isEqualTo(200);
    }
}
