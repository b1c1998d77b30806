package dev.dimmer.deploy.switches;

import static dev.dimmer.deploy.RunningControlPlane.CONSUMER;
import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.deploy.Plans;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.projections.switches.Bucketing;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FlagEvaluationDetails;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routing switches as consumers read them: the real OpenFeature Java SDK with its OFREP provider through every
 * phase, a rollback and a kill; 304 on an unchanged ETag; SSE change events; a consumer token refused elsewhere.
 */
class SwitchesTest {
    private static final String SWITCH = "customers-read-path";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestDatabase database;
    private static RunningControlPlane server;
    private static OpenFeatureConsumer app;
    // keys whose buckets on the switch are below 10, between 10 and 49, and 50 or more
    private static String early;
    private static String middle;
    private static String late;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
        app = new OpenFeatureConsumer("switches-test", server.url(), CONSUMER);
        early = keyWithBucket(0, 10);
        middle = keyWithBucket(10, 50);
        late = keyWithBucket(50, 100);
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    private static String keyWithBucket(int from, int to) {
        return keyWithBucket(SWITCH, from, to);
    }

    static String keyWithBucket(String routingSwitch, int from, int to) {
        return IntStream.range(0, 1000).mapToObj(i -> "customer-" + i)
                .filter(k -> Bucketing.bucket(routingSwitch, k) >= from && Bucketing.bucket(routingSwitch, k) < to)
                .findFirst().orElseThrow();
    }

    private static void act(String migration, String wave, String action, Map<String, Object> body) {
        Answer answer = server.post("/api/migrations/" + migration + "/waves/" + wave + "/" + action, LEAD, body);
        assertThat(answer.status()).as(action + ": " + answer.body()).isEqualTo(200);
    }

    private static void expect(String key, String value, String reason, String phase, int weight) {
        FlagEvaluationDetails<String> read = app.await(SWITCH, key, value,
                r -> phase.equals(r.getFlagMetadata().getString("phase"))
                        && Integer.valueOf(weight).equals(r.getFlagMetadata().getInteger("weight"))
                        && reason.equals(r.getReason()));
        assertThat(read.getReason()).isEqualTo(reason);
        assertThat(read.getVariant()).isEqualTo(value);
        assertThat(read.getErrorCode()).isNull();
        assertThat(read.getFlagMetadata().getString("phase")).isEqualTo(phase);
        assertThat(read.getFlagMetadata().getInteger("weight")).isEqualTo(weight);
        assertThat(read.getFlagMetadata().getString("wave")).isEqualTo("customers");
    }

    @Test
    void canReadASwitchThroughEveryPhaseARollbackAndAKillWithTheOpenFeatureSdk() {
        String id = "crm-switches";
        assertThat(server.postYaml("/api/migrations", LEAD, Plans.switched(id)).status()).isEqualTo(201);
        expect(late, "source", "STATIC", "PLANNED", 0);
        FlagEvaluationDetails<String> planned = app.read(SWITCH, late);
        assertThat(planned.getFlagMetadata().getString("migration")).isEqualTo(id);
        assertThat(planned.getFlagMetadata().getInteger("logPosition")).isNotNull();

        act(id, "customers", "advance", Map.of("reason", "restored"));
        expect(late, "source", "STATIC", "BACKFILL", 0);
        act(id, "customers", "advance", Map.of("reason", "backfilled"));
        expect(late, "source", "STATIC", "SHADOW", 0);
        act(id, "customers", "advance", Map.of("reason", "shadow clean"));
        expect(early, "target", "SPLIT", "CANARY", 10);
        expect(middle, "source", "SPLIT", "CANARY", 10);
        act(id, "customers", "advance", Map.of("reason", "canary clean"));
        expect(middle, "target", "SPLIT", "CANARY", 50);
        expect(early, "target", "SPLIT", "CANARY", 50);
        expect(late, "source", "SPLIT", "CANARY", 50);

        act(id, "customers", "rollback", Map.of("reason", "p99 above SLO"));
        expect(early, "source", "STATIC", "SHADOW", 0);
        act(id, "customers", "advance", Map.of("reason", "index fixed"));
        expect(early, "target", "SPLIT", "CANARY", 10);

        Answer killed = server.post("/api/migrations/" + id + "/switches/" + SWITCH + "/kill", LEAD,
                Map.of("reason", "errors on the new path"));
        assertThat(killed.status()).isEqualTo(200);
        expect(early, "source", "DISABLED", "CANARY", 10);
        assertThat(app.read(SWITCH, early).getFlagMetadata().getBoolean("killed")).isTrue();
        act(id, "customers", "advance", Map.of("reason", "fixed, ramping again"));
        expect(middle, "target", "SPLIT", "CANARY", 50);

        server.passGoNoGo(id, "customers");
        act(id, "customers", "cutover", Map.of("reason", "go"));
        expect(late, "target", "STATIC", "CUTOVER", 100);
        act(id, "customers", "advance", Map.of("reason", "stabilizing"));
        expect(late, "target", "STATIC", "STABILIZATION", 100);
        act(id, "customers", "advance", Map.of("reason", "retired"));
        expect(late, "target", "STATIC", "DECOMMISSIONED", 100);

        JsonNode trail = server.get("/api/migrations/" + id + "/audit", LEAD).body().path("entries");
        JsonNode kill = java.util.stream.StreamSupport.stream(trail.spliterator(), false)
                .filter(e -> e.path("type").asText().equals("SwitchKilledEvent")).findFirst().orElseThrow();
        assertThat(kill.path("reason").asText()).isEqualTo("errors on the new path");
        assertThat(kill.path("wave").asText()).isEqualTo("customers");
    }

    @Test
    void shouldAnswerTheSpecsErrorsForUnknownSwitchesAndMissingKeys() throws Exception {
        String id = "crm-switch-errors";
        server.postYaml("/api/migrations", LEAD, Plans.switched(id).replace("customers-read-path", "errors-read")
                .replace("orders-read-path", "errors-orders"));
        for (String step : new String[]{"restored", "backfilled", "shadow clean"}) {
            act(id, "customers", "advance", Map.of("reason", step));
        }
        app.await("errors-read", keyWithBucket("errors-read", 0, 10), "target");

        assertThat(app.read("no-such-switch", early).getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        HttpResponse<String> noKey = ofrep("/ofrep/v1/evaluate/flags/errors-read", CONSUMER, "{\"context\": {}}",
                Map.of());
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noKey.body()).path("errorCode").asText()).as(noKey.body())
                .isEqualTo("TARGETING_KEY_MISSING");
        HttpResponse<String> notJson = ofrep("/ofrep/v1/evaluate/flags/errors-read", CONSUMER, "{nope", Map.of());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).path("errorCode").asText()).isEqualTo("PARSE_ERROR");
        HttpResponse<String> anonymous = ofrep("/ofrep/v1/evaluate/flags/errors-read", null, "{}", Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).has("metadata")).isTrue();
        assertThat(new OpenFeatureConsumer("bad-token", server.url(), "not-a-token").read("errors-read", early)
                .getErrorCode()).isEqualTo(ErrorCode.GENERAL);
    }

    @Test
    void shouldAnswer304WhileTheETagIsUnchangedAndANewOneAfterAChange() throws Exception {
        String id = "crm-switch-etag";
        server.postYaml("/api/migrations", LEAD, Plans.switched(id).replace("customers-read-path", "etag-read")
                .replace("orders-read-path", "etag-orders"));
        app.await("etag-read", early, "source");
        String context = "{\"context\": {\"targetingKey\": \"" + early + "\"}}";

        HttpResponse<String> first = ofrep("/ofrep/v1/evaluate/flags", CONSUMER, context, Map.of());
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        JsonNode flags = JSON.readTree(first.body()).path("flags");
        assertThat(flags.findValues("key").stream().map(JsonNode::asText)).contains("etag-read", "etag-orders");
        assertThat(JSON.readTree(first.body()).path("refreshConnections").get(0).path("type").asText()).isEqualTo("sse");

        HttpResponse<String> unchanged = ofrep("/ofrep/v1/evaluate/flags", CONSUMER, context,
                Map.of("If-None-Match", etag));
        assertThat(unchanged.statusCode()).isEqualTo(304);

        act(id, "customers", "advance", Map.of("reason", "restored"));
        app.await("etag-read", early, "source");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        HttpResponse<String> changed;
        do {
            changed = ofrep("/ofrep/v1/evaluate/flags", CONSUMER, context, Map.of("If-None-Match", etag));
        } while (changed.statusCode() == 304 && System.nanoTime() < deadline);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void shouldSendAChangeEventOnTheStreamWhenASwitchChanges() throws Exception {
        String id = "crm-switch-sse";
        server.postYaml("/api/migrations", LEAD, Plans.switched(id).replace("customers-read-path", "sse-read")
                .replace("orders-read-path", "sse-orders"));
        app.await("sse-read", early, "source");
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(URI.create(server.url()
                        + "/ofrep/v1/events")).header("Authorization", "Bearer " + CONSUMER).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        CompletableFuture<String> firstData = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        return line.substring(5).strip();
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        act(id, "customers", "advance", Map.of("reason", "restored"));

        JsonNode event = JSON.readTree(firstData.get(5, TimeUnit.SECONDS));
        assertThat(event.path("type").asText()).isEqualTo("refetchEvaluation");
        assertThat(event.path("etag").asText()).isNotBlank();
        stream.body().close();
    }

    @Test
    void cannotUseAConsumerTokenAnywhereButOfrep() throws Exception {
        String id = "crm-switch-consumer";
        server.postYaml("/api/migrations", LEAD, Plans.switched(id).replace("customers-read-path", "consumer-read")
                .replace("orders-read-path", "consumer-orders"));
        app.await("consumer-read", early, "source");
        var routes = server.plane().context().getBean(io.micronaut.web.router.Router.class).uriRoutes()
                .map(route -> (io.micronaut.web.router.UriRouteInfo<?, ?>) route)
                .filter(route -> route.getUriMatchTemplate().toString().startsWith("/api"))
                .filter(route -> route.getHttpMethod() != io.micronaut.http.HttpMethod.HEAD)
                .toList();
        int checked = 0;
        for (var route : routes) {
            String path = route.getUriMatchTemplate().toString().replaceAll("\\{\\?[^}]*}", "")
                    .replace("{migration}", id).replace("{wave}", "customers")
                    .replace("{routingSwitch}", "consumer-read").replaceAll("\\{[^}]*}", "x");
            if (path.equals("/api/health") || path.equals("/api/openapi.yaml")) {
                continue;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                    .header("Authorization", "Bearer " + CONSUMER).header("Content-Type", "application/json")
                    .method(route.getHttpMethod().name(), route.getHttpMethod().permitsRequestBody()
                            ? HttpRequest.BodyPublishers.ofString("{\"reason\": \"consumer tries\"}")
                            : HttpRequest.BodyPublishers.noBody());
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(route.getHttpMethod() + " " + path).isEqualTo(403);
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
        assertThat(server.get("/api/switches", CONSUMER).status()).isEqualTo(403);
        assertThat(server.get("/api/migrations/" + id, LEAD).body().path("waves").get(0).path("phase").asText())
                .isEqualTo("PLANNED");

        // while a reader may evaluate too, and list the switches
        assertThat(new OpenFeatureConsumer("viewer", server.url(), VIEWER).read("consumer-read", early).getValue())
                .isEqualTo("source");
        Answer listed = server.get("/api/switches?migration=" + id, VIEWER);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("switches").findValuesAsText("key"))
                .containsExactly("consumer-orders", "consumer-read");
        assertThat(listed.body().path("switches").findValuesAsText("serves")).containsOnly("source");
    }

    private static HttpResponse<String> ofrep(String path, String token, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
