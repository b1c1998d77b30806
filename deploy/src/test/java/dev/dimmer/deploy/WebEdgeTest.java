package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.APPROVER;
import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the edge answers to bad input: always a 4xx problem with a code, never a stack trace in the log, never a
 * Java class name in the answer; what it refuses it refuses before spending effort, and stores nothing.
 */
class WebEdgeTest {
    private static final String ID = "edge-checked";
    private static final String ADVANCE = "/api/migrations/" + ID + "/waves/customers/advance";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestDatabase database;
    private static RunningControlPlane server;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
        server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(ID));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    private static long events() {
        return Tables.count(database, "SELECT count(*) FROM domain_event_entry");
    }

    /** A request as a client might really send it, with any body and content type. */
    static Raw send(String method, String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        long started = System.nanoTime();
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (Exception e) {
            json = JSON.nullNode();
        }
        return new Raw(response, json, Duration.ofNanos(System.nanoTime() - started));
    }

    record Raw(HttpResponse<String> response, JsonNode body, Duration took) {
        int status() {
            return response.statusCode();
        }

        String code() {
            return body.path("code").asText();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }
    }

    private static void assertProblem(Raw answer, int status, String code) {
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo(code);
        assertThat(answer.body().path("detail").asText()).isNotBlank()
                .doesNotContain("dev.dimmer", "java.", "io.micronaut", "com.fasterxml", "Exception", "`");
    }

    @Test
    void shouldAnswerBodiesThatAreNoObjectWith400AndNoStackTrace() throws Exception {
        try (LogLines log = new LogLines()) {
            for (String token : new String[] {VIEWER, LEAD}) {
                assertProblem(send("POST", ADVANCE, token, "application/json", "[1, 2]"), 400, "bad-request");
                assertProblem(send("POST", ADVANCE, token, "application/json", "42"), 400, "bad-request");
                assertProblem(send("POST", ADVANCE, token, "application/json", "\"text\""), 400, "bad-request");
                assertProblem(send("POST", ADVANCE, token, "application/json", "{\"weight\": \"x\"}"), 400,
                        "bad-request");
                assertProblem(send("POST", ADVANCE, token, "application/json", "{not json"), 400, "bad-request");
            }
            assertThat(log.anyStackTrace()).as(log.messages().toString()).isFalse();
        }
    }

    @Test
    void shouldRefuseIdsNoPlanCouldHave() throws Exception {
        long before = events();
        try (LogLines log = new LogLines()) {
            assertProblem(send("POST", "/api/migrations/a%00b/waves/customers/advance", LEAD, "application/json",
                    "{\"reason\": \"x\"}"), 400, "invalid-id");
            assertProblem(send("POST", "/api/migrations/" + ID + "/waves/cust%00omers/advance", LEAD,
                    "application/json", "{\"reason\": \"x\"}"), 400, "invalid-id");
            assertProblem(send("GET", "/api/migrations/a%00b", VIEWER, null, null), 400, "invalid-id");
            assertProblem(send("GET", "/api/migrations/a%00b/audit", VIEWER, null, null), 400, "invalid-id");
            Raw newline = send("POST", "/api/migrations/x%0a12:00:00.000%20ERROR%20forged/abort", LEAD,
                    "application/json", "{\"reason\": \"x\"}");
            assertProblem(newline, 400, "invalid-id");
            assertThat(newline.body().path("detail").asText()).doesNotContain("\n").contains("\\n");
            assertThat(log.anyStackTrace()).as(log.messages().toString()).isFalse();
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void shouldAnswerFrameworkErrorsWithACode() throws Exception {
        try (LogLines log = new LogLines()) {
            assertProblem(send("GET", "/api/nowhere", VIEWER, null, null), 404, "not-found");
            assertProblem(send("GET", "/nowhere", null, null, null), 404, "not-found");
            assertProblem(send("DELETE", "/api/migrations", LEAD, null, null), 405, "method-not-allowed");
            assertProblem(send("POST", ADVANCE, LEAD, "text/csv", "a,b"), 415, "unsupported-media-type");
            assertProblem(send("GET", "/api/migrations/" + ID + "/audit?limit=many", VIEWER, null, null), 400,
                    "bad-request");
            assertProblem(send("POST", ADVANCE, LEAD, "application/json", "{\"reason\": \"" + "x".repeat(5 << 20)
                    + "\"}"), 413, "payload-too-large");
            assertThat(log.anyStackTrace()).as(log.messages().toString()).isFalse();
        }
    }

    @Test
    void shouldAnswerMicronautsOwnHealthPathQuickly() throws Exception {
        Raw answer = send("GET", "/health", null, null, null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void cannotGiveAReasonOrCommentOverTheLimit() throws Exception {
        long before = events();
        Raw reason = send("POST", ADVANCE, LEAD, "application/json",
                JSON.writeValueAsString(Map.of("reason", "x".repeat(2001))));
        assertProblem(reason, 422, "reason-too-long");
        assertThat(reason.body().path("detail").asText()).contains("reason", "2001", "2000");
        String waves = "/api/migrations/" + ID + "/waves/customers";
        assertProblem(send("POST", waves + "/gonogo", LEAD, "application/json",
                JSON.writeValueAsString(Map.of("reason", "y".repeat(3 << 20 >> 2)))), 422, "reason-too-long");
        Raw comment = send("POST", waves + "/votes", APPROVER, "application/json",
                JSON.writeValueAsString(Map.of("vote", "reject", "comment", "z".repeat(2001))));
        assertProblem(comment, 422, "reason-too-long");
        assertThat(comment.body().path("detail").asText()).contains("comment");
        assertProblem(send("POST", ADVANCE, LEAD, "application/json",
                JSON.writeValueAsString(Map.of("reason", "bell\u0007 and \u001b[31mred"))), 422, "invalid-text");
        // nothing but the four refusals is stored, each with the reason cut short
        assertThat(events()).isEqualTo(before + 4);
        assertThat(Tables.rows(database, "SELECT payload_type FROM domain_event_entry ORDER BY global_index DESC "
                + "LIMIT 4")).allSatisfy(row -> assertThat((String) row.get(0)).endsWith("CommandRefusedEvent"));
        assertThat(Tables.count(database, "SELECT coalesce(max(length(convert_from(payload, 'UTF8')::jsonb"
                + "->>'reason')), 0) FROM domain_event_entry WHERE payload_type LIKE '%CommandRefusedEvent'"))
                .isLessThanOrEqualTo(500);
        try (LogLines log = new LogLines()) {
            Raw fine = send("POST", waves + "/gonogo", LEAD, "application/json",
                    JSON.writeValueAsString(Map.of("reason", "line one\n\tline two " + "x".repeat(1900))));
            assertThat(fine.status()).as(fine.response().body()).isEqualTo(200);
            // the notifier logs the sentence (no Slack here), with the reason's newline escaped
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (log.messages().stream().noneMatch(m -> m.contains("line one")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(log.messages()).anyMatch(m -> m.contains("line one\\n\\tline two"))
                    .noneMatch(m -> m.contains("\n"));
        }
    }

    @Test
    void shouldRefuseAPlanFromAViewerBeforeReadingIt() throws Exception {
        String huge = Plans.customersThenOrders("huge-plan") + "# " + "x".repeat(3_900_000) + "\n";
        Raw viewer = send("POST", "/api/migrations", VIEWER, "application/yaml", huge);
        assertProblem(viewer, 403, "forbidden");
        assertThat(viewer.took()).isLessThan(Duration.ofSeconds(2));
        Raw lead = send("POST", "/api/migrations", LEAD, "application/yaml", huge);
        assertProblem(lead, 413, "plan-too-large");
        assertThat(lead.body().path("detail").asText()).contains("1048576");
    }

    @Test
    void shouldRefuseABillionLaughsPlanQuickly() throws Exception {
        StringBuilder plan = new StringBuilder("slug: laughs\ntitle: Laughs\na0: &a0 [lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            plan.append("a").append(i).append(": &a").append(i).append(" [");
            plan.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        Raw answer = send("POST", "/api/migrations", LEAD, "application/yaml", plan.toString());
        assertProblem(answer, 422, "invalid-plan");
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(2));
        assertThat(answer.body().path("errors").size()).isLessThan(30);
        Raw deep = send("POST", "/api/migrations", LEAD, "application/yaml",
                "slug: deep\nx: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        assertProblem(deep, 422, "invalid-plan");
    }

    @Test
    void shouldAnswerAuditOfAnUnknownMigrationLikeStatus() throws Exception {
        assertProblem(send("GET", "/api/migrations/no-such/audit", VIEWER, null, null), 404, "unknown-migration");
        assertProblem(send("GET", "/api/migrations/no-such", VIEWER, null, null), 404, "unknown-migration");
    }

    @Test
    void shouldSendSecurityHeadersOnEveryAnswer() throws Exception {
        for (Raw answer : new Raw[] {send("GET", "/api/migrations", VIEWER, null, null),
                send("GET", "/api/migrations", null, null, null), send("GET", "/api/nowhere", VIEWER, null, null),
                send("GET", "/api/health", null, null, null)}) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
    }

    @Test
    void shouldLogRefusalsWithoutTheToken() throws Exception {
        try (LogLines log = new LogLines(dev.dimmer.deploy.server.ControlPlane.class.getClassLoader()
                .loadClass("dev.dimmer.core.web.RefusalLog"))) {
            send("GET", "/api/migrations/x%0d%0aforged", "wrong-token-0123456789", null, null);
            send("POST", ADVANCE, VIEWER, "application/json", "{\"reason\": \"x\"}");
            String lines = String.join("|", log.messages());
            assertThat(lines).contains("401 GET /api/migrations/x", "forged", "403 POST " + ADVANCE,
                    "U02VIEW", "127.0.0.1");
            assertThat(lines).doesNotContain("wrong-token", VIEWER, "\n", "\r");
        }
    }
}
