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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner records each result of a run once: a node stopped in the middle of a run leaves the rest to the next
 * start, which resumes without running the recorded checks again; two nodes on one database share the runs and
 * execute each once.
 */
class EvidenceRunnerTest {
    private static TestDatabase source;
    private static TestDatabase target;

    @BeforeAll
    static void tables() throws SQLException {
        source = TestPostgres.newDatabase();
        target = TestPostgres.newDatabase();
        for (TestDatabase side : List.of(source, target)) {
            EvidenceLoopTest.sql(side, "CREATE TABLE items (item_id INT PRIMARY KEY, name TEXT NOT NULL)",
                    "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 500) g");
        }
    }

    @AfterAll
    static void drop() {
        source.close();
        target.close();
    }

    static String plan(String slug) {
        return """
                slug: %s
                title: Items to the new cluster
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                inventory:
                  datasets:
                    - {name: items, table: public.items, key_columns: [item_id], owner: team-items}
                connections:
                  source: {jdbc_url: "%s", user: %s}
                  target: {jdbc_url: "%s", user: %s}
                waves:
                  - name: items
                    datasets: [items]
                validations:
                  - {name: items-count, kind: row_count, dataset: items, tolerance: 0%%}
                  - name: items-slow
                    kind: custom_sql
                    dataset: items
                    source_sql: select count(*) from items, pg_sleep(3)
                    target_sql: select count(*) from items, pg_sleep(3)
                    tolerance: 0%%
                  - {name: items-checksum, kind: checksum, dataset: items, tolerance: 0%%}
                """.formatted(slug, source.url(), source.user(), target.url(), target.user());
    }

    @Test
    void shouldResumeARunAfterARestartWithoutRecordingAResultTwice() {
        TestDatabase control = TestPostgres.newDatabase();
        try (RunningControlPlane server = RunningControlPlane.on(control)) {
            // given a run whose second check takes seconds
            String id = "items-restart";
            assertThat(server.postYaml("/api/migrations", LEAD, plan(id)).status()).isEqualTo(201);
            Answer accepted = server.post("/api/migrations/" + id + "/waves/items/validations", OPERATOR,
                    Map.of("reason", "check"));
            String runId = accepted.body().path("run_id").asText();

            // when the node stops while the slow check runs, and starts again
            await(() -> results(server, id, runId).size() == 1, Duration.ofSeconds(20));
            server.stop();
            List<JsonNode> beforeRestart = new ArrayList<>();
            server.start();
            results(server, id, runId).forEach(beforeRestart::add);
            assertThat(beforeRestart).as("the stop cut the run short").hasSizeLessThan(3);

            // then the run completes, and each validation has exactly one result in the log
            await(() -> results(server, id, runId).size() == 3, Duration.ofSeconds(60));
            Map<String, Integer> recorded = new HashMap<>();
            server.get("/api/migrations/" + id + "/audit", LEAD).body().path("entries").forEach(e -> {
                if (e.path("type").asText().startsWith("Validation") && e.path("payload").has("validation")) {
                    recorded.merge(e.path("payload").path("validation").asText(), 1, Integer::sum);
                }
            });
            assertThat(recorded).containsExactlyInAnyOrderEntriesOf(Map.of("items-count", 1, "items-slow", 1,
                    "items-checksum", 1));
            assertThat(results(server, id, runId)).extracting(r -> r.path("status").asText())
                    .containsOnly("passed");
        } finally {
            control.close();
        }
    }

    @Test
    void shouldExecuteEachRunOnceWhenTwoNodesShareTheDatabase() {
        TestDatabase control = TestPostgres.newDatabase();
        try (RunningControlPlane one = RunningControlPlane.on(control);
             RunningControlPlane two = RunningControlPlane.on(control)) {
            String id = "items-two-nodes";
            assertThat(one.postYaml("/api/migrations", LEAD, plan(id)).status()).isEqualTo(201);
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                RunningControlPlane node = i % 2 == 0 ? one : two;
                runs.add(node.post("/api/migrations/" + id + "/waves/items/validations", OPERATOR,
                        Map.of("reason", "check " + i, "only", List.of("items-count", "items-checksum")))
                        .body().path("run_id").asText());
            }
            await(() -> runs.stream().allMatch(run -> results(one, id, run).size() == 2), Duration.ofSeconds(60));
            // each run's two results are in the log once, whichever node ran it and however they came out (the
            // audit view may trail the report view by a moment)
            await(() -> recordedResults(one, id).size() == 12, Duration.ofSeconds(20));
            Map<String, Integer> recorded = recordedResults(one, id);
            assertThat(recorded).hasSize(12).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
        } finally {
            control.close();
        }
    }

    @Test
    void shouldHoldTheAnswerUntilTheRunIsCompleteWhenAskedToWait() {
        TestDatabase control = TestPostgres.newDatabase();
        try (RunningControlPlane server = RunningControlPlane.on(control)) {
            // given a run of a check that takes three seconds
            String id = "items-wait";
            assertThat(server.postYaml("/api/migrations", LEAD, plan(id)).status()).isEqualTo(201);
            String runId = server.post("/api/migrations/" + id + "/waves/items/validations", OPERATOR,
                    Map.of("reason", "check", "only", List.of("items-slow"))).body().path("run_id").asText();
            String run = "/api/migrations/" + id + "/validations/runs/" + runId;

            // when a client asks to wait one second, it hears the run is still going after about that second
            long asked = System.nanoTime();
            JsonNode early = server.get(run + "?wait=1", VIEWER).body().path("runs").path(0);
            assertThat(early.path("completed_at").isNull() || early.path("completed_at").isMissingNode()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

            // and when it asks to wait long enough, one answer brings the completed run, soon after it completed
            JsonNode done = server.get(run + "?wait=30s", VIEWER).body().path("runs").path(0);
            assertThat(done.path("completed_at").asText()).isNotBlank();
            assertThat(done.path("results").get(0).path("status").asText()).isEqualTo("passed");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(20));

            // and a wait that is no time is refused, saying how to write one
            Answer bad = server.get(run + "?wait=soon", VIEWER);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body().path("detail").asText()).contains("wait=30s");
        } finally {
            control.close();
        }
    }

    private static Map<String, Integer> recordedResults(RunningControlPlane server, String id) {
        Map<String, Integer> recorded = new HashMap<>();
        for (JsonNode e : server.get("/api/migrations/" + id + "/audit", LEAD).body().path("entries")) {
            if (e.path("payload").has("validation") && e.path("payload").has("runId")) {
                recorded.merge(e.path("payload").path("runId").asText() + "/"
                        + e.path("payload").path("validation").asText(), 1, Integer::sum);
            }
        }
        return recorded;
    }

    private static List<JsonNode> results(RunningControlPlane server, String id, String runId) {
        Answer answer = server.get("/api/migrations/" + id + "/validations/runs/" + runId, VIEWER);
        List<JsonNode> results = new ArrayList<>();
        if (answer.status() == 200) {
            answer.body().path("runs").path(0).path("results").forEach(results::add);
        }
        return results;
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
