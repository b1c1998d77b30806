package dev.dimmer.deploy.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;
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
            int port = freePort();
            Path home = Files.createTempDirectory("dimmer-crash-home");
            Path config = home.resolve("dimmer.yml");
            Files.writeString(config, """
                    database:
                      url: %s
                      user: %s
                      password: ${env:CRASH_DB_PASSWORD}
                    tokens:
                      - {actor: U01LEAD, name: Ada Lead, roles: [lead, viewer], token_sha256: %s}
                    """.formatted(database.url(), database.user(), sha256(TOKEN)));
            String url = "http://127.0.0.1:" + port;
            Process server = startServer(home, config, port, database.password(), "first");
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
                awaitTrue(() -> receiver.callsWithKey(key) == 1, "the webhook to be called");

                // when the server is killed with the webhook in flight, and another starts on the same database
                server.destroyForcibly().waitFor();
                receiver.release();
                server = startServer(home, config, port, database.password(), "second");

                // then the rollback completes: the view swapped once, the webhook called again with the same key
                awaitTrue(() -> !events(url, "RunbookCompletedEvent").isEmpty(), "the runbook to complete");
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
                server.destroy();
                server.waitFor();
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

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited 90s for " + what);
    }

    private static Process startServer(Path home, Path config, int port, String dbPassword, String name)
            throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.dimmer.deploy.Dimmer", "server",
                "--port", String.valueOf(port), "--config", config.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("DIMMER_"));
        builder.environment().put("DIMMER_HOME", home.toString());
        builder.environment().put("CRASH_DB_PASSWORD", dbPassword);
        builder.environment().put("ROLLBACK_HOOK_SECRET", SECRET);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Path log = Path.of("target", "runbook-crash-server-" + name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + port + "/api/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start; see " + log.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
