package dev.dimmer.deploy.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.deploy.nodes.Cluster;
import dev.dimmer.deploy.nodes.ServerNode;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server killed with SIGKILL in the middle of a rollback: the next server resumes the runbook at its first
 * unfinished step, never runs a step that succeeded again, and calls the webhook again with the same
 * Idempotency-Key.
 */
class RunbookCrashTest {
    private static final String TOKEN = "crash-lead-token-0123456789";
    private static final String SECRET = "hook-secret-for-the-crash-test";
    private static final String SLUG = "crash-mid-rollback";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldResumeAfterACrashWithoutRepeatingAStepThatSucceeded() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase(); TestDatabase target = TestPostgres.newDatabase();
             WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            RunbookPlans.prepare(target);
            Path config = Files.createTempDirectory("dimmer-crash").resolve("dimmer.yml");
            Files.writeString(config, """
                    database:
                      url: %s
                      user: %s
                      password: ${env:CRASH_DB_PASSWORD}
                    tokens:
                      - {actor: U01LEAD, name: Ada Lead, roles: [lead, viewer], token_sha256: %s}
                    """.formatted(database.url(), database.user(), Cluster.sha256(TOKEN)));
            String password = database.password() == null ? "" : database.password();
            ServerNode server = new ServerNode("runbook-crash", config, Map.of("CRASH_DB_PASSWORD", password,
                    "ROLLBACK_HOOK_SECRET", SECRET), List.of()).start();
            String url = server.url();
            try {
                // given a wave in canary whose rollback swaps a view back and then calls a webhook that hangs
                send(url + "/api/migrations", "application/yaml", RunbookPlans.plan(SLUG, target,
                        receiver.url("/hooks/crash"), "ROLLBACK_HOOK_SECRET", false), 201);
                for (String reason : List.of("backfill", "shadow", "canary", "half")) {
                    send(url + wave("advance"), "application/json", "{\"reason\": \"" + reason + "\"}", 200);
                }
                receiver.holdNext();
                send(url + wave("rollback"), "application/json", "{\"reason\": \"errors\"}", 200);
                String key = "dimmer:" + SLUG + ":customers:rollback:1:2";
                Cluster.await(Duration.ofSeconds(90), "the webhook to be called",
                        () -> receiver.callsWithKey(key) == 1);

                // when the server is killed with the webhook in flight, and started again on the same database
                server.kill();
                receiver.release();
                server.start();

                // then the rollback completes: the view swapped once, the webhook called again with the same key
                Cluster.await(Duration.ofSeconds(90), "the runbook to complete",
                        () -> !events(url, "RunbookCompletedEvent").isEmpty());
                assertThat(RunbookPlans.count(target, "SELECT count(*) FROM swaps WHERE direction = 'back'"))
                        .isEqualTo(1);
                assertThat(RunbookPlans.viewRows(target)).isEqualTo(1);
                assertThat(receiver.callsWithKey(key)).isEqualTo(2);
                assertThat(receiver.calls()).allSatisfy(call -> assertThat(call.signed()).isTrue());
                assertThat(events(url, "RunbookStepSucceededEvent")).extracting(e -> e.path("step").asInt())
                        .containsExactly(0, 1, 2);
                assertThat(events(url, "RunbookStepStartedEvent")).extracting(e -> e.path("step").asInt())
                        .containsExactly(0, 1, 2);
            } finally {
                server.stop();
            }
        }
    }

    private static String wave(String action) {
        return "/api/migrations/" + SLUG + "/waves/customers/" + action;
    }

    private List<JsonNode> events(String url, String type) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/api/migrations/"
                            + SLUG + "/audit")).header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> found = new ArrayList<>();
            JSON.readTree(answer.body()).path("entries").forEach(e -> {
                if (e.path("type").asText().equals(type)) {
                    found.add(e.path("payload"));
                }
            });
            return found;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void send(String url, String type, String body, int expected) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url + ": " + answer.body()).isEqualTo(expected);
    }
}
