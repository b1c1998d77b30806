package dev.dimmer.deploy.schedule;

import static dev.dimmer.deploy.RunningControlPlane.APPROVER;
import static dev.dimmer.deploy.RunningControlPlane.APPROVER_TWO;
import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the scheduler does by itself with short real triggers on one control plane: with {@code auto_advance} it takes
 * a wave into canary and up its steps when the evidence is green, and keeps it where it is, saying why, when it is
 * red; and go/no-go ballots that expire are announced ahead and, when the quorum drops, at their expiry.
 */
class ScheduledMovesTest {
    private static TestDatabase control;
    private static RunningControlPlane server;
    private static HttpServer prometheus;

    @BeforeAll
    static void start() throws IOException {
        control = TestPostgres.newDatabase();
        server = RunningControlPlane.on(control);
        // a stand-in Prometheus: the query names the error rate it answers
        prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        prometheus.createContext("/api/v1/query", exchange -> {
            String value = exchange.getRequestURI().getQuery().contains("red") ? "0.5" : "0";
            byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},"
                    + "\"value\":[" + System.currentTimeMillis() / 1000 + ",\"" + value + "\"]}]}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        prometheus.start();
    }

    @AfterAll
    static void stop() {
        prometheus.stop(0);
        server.close();
        control.close();
    }

    private static String autoAdvancing(String slug, String query) {
        return """
                slug: %s
                title: Orders that raise themselves
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                metrics:
                  prometheus: http://127.0.0.1:%d
                waves:
                  - {name: orders, canary_steps: [10, 50], shadow: 2s, hold: 2s, auto_advance: true}
                validations:
                  - {name: orders-errors, kind: metric, query: %s, max: 0.01}
                gates:
                  - {name: canary-health, before: cutover, waves: [orders], validations: [orders-errors]}
                """.formatted(slug, prometheus.getAddress().getPort(), query);
    }

    private static String expiringVotes(String slug) {
        return """
                slug: %s
                title: Orders with short-lived votes
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                  - {id: U04BEA, name: Bea Approver, role: approver}
                  - {id: U05CAI, name: Cai Approver, role: approver}
                waves:
                  - {name: orders, canary_steps: [10, 50]}
                gates:
                  - {name: cutover-votes, before: cutover, waves: [orders], approvals: [{role: approver, count: 2}], expires: 8s}
                """.formatted(slug);
    }

    private static String orders(String slug, String action) {
        return "/api/migrations/" + slug + "/waves/orders/" + action;
    }

    private static List<JsonNode> events(String slug, String type) {
        List<JsonNode> found = new ArrayList<>();
        server.get("/api/migrations/" + slug + "/audit", VIEWER).body().path("entries").forEach(e -> {
            if (e.path("type").asText().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }

    private static void awaitEvent(String slug, String type, String text) {
        server.await("/api/migrations/" + slug + "/audit", VIEWER, audit -> {
            for (JsonNode entry : audit.path("entries")) {
                if (entry.path("type").asText().equals(type) && entry.toString().contains(text)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static void registerInBackfillWithEvidence(String slug, String plan, String outcome) {
        assertThat(server.postYaml("/api/migrations", LEAD, plan).status()).isEqualTo(201);
        assertThat(server.post(orders(slug, "advance"), LEAD, Map.of("reason", "backfill")).status()).isEqualTo(200);
        assertThat(server.post(orders(slug, "validations"), LEAD, Map.of()).status()).isEqualTo(202);
        awaitEvent(slug, outcome, "orders-errors");
    }

    @Test
    void withGreenEvidenceTheSchedulerTakesTheWaveIntoCanaryAndUpItsStepsByItself() {
        String slug = "auto-green";
        registerInBackfillWithEvidence(slug, autoAdvancing(slug, "errors_green"), "ValidationPassedEvent");

        assertThat(server.post(orders(slug, "advance"), LEAD, Map.of("reason", "shadow")).status()).isEqualTo(200);

        // the 2s shadow ends: canary at 10%; its 2s hold ends: 50%, both by the scheduler
        server.await("/api/migrations/" + slug + "/audit", VIEWER, audit -> audit.path("entries")
                .findValuesAsText("type").contains("CanaryWeightRaisedEvent"));
        JsonNode entered = events(slug, "WaveAdvancedEvent").stream()
                .filter(e -> e.path("payload").path("phase").asText().equals("CANARY")).findFirst().orElseThrow();
        assertThat(entered.path("actor_name").asText()).isEqualTo("dimmer scheduler");
        assertThat(entered.path("channel").asText()).isEqualTo("scheduler");
        JsonNode raised = events(slug, "CanaryWeightRaisedEvent").get(0);
        assertThat(raised.path("actor_name").asText()).isEqualTo("dimmer scheduler");
        assertThat(raised.path("channel").asText()).isEqualTo("scheduler");
        assertThat(raised.path("reason").asText()).startsWith("auto_advance: its hold of 2s at 10% is over");
        assertThat(raised.path("payload").path("weight").asInt()).isEqualTo(50);
    }

    @Test
    void withRedEvidenceTheSchedulerKeepsTheWaveWhereItIsAndSaysWhy() {
        String slug = "auto-red";
        registerInBackfillWithEvidence(slug, autoAdvancing(slug, "errors_red"), "ValidationFailedEvent");

        assertThat(server.post(orders(slug, "advance"), LEAD, Map.of("reason", "shadow")).status()).isEqualTo(200);

        awaitEvent(slug, "ScheduledNoticeEvent", "auto_advance keeps");
        JsonNode held = events(slug, "ScheduledNoticeEvent").stream().filter(e -> e.toString()
                .contains("auto_advance keeps")).findFirst().orElseThrow();
        assertThat(held.path("payload").path("text").asText()).startsWith("auto_advance keeps orders at SHADOW: "
                + "orders-errors failed").endsWith("; it moves orders to 10% by itself once that is green");
        assertThat(held.path("actor_name").asText()).isEqualTo("dimmer scheduler");
        assertThat(events(slug, "WaveAdvancedEvent")).noneMatch(e -> e.path("channel").asText()
                .equals("scheduler"));
        assertThat(server.get("/api/migrations/" + slug, VIEWER).body().toString()).contains("SHADOW");
    }

    @Test
    void aFiringTakenByANodeThatDiedBeforeItsCommandIsSentByAnotherAndOnlyOnce() throws Exception {
        String slug = "taken-firing";
        assertThat(server.postYaml("/api/migrations", LEAD, autoAdvancing(slug, "errors_green")
                .replace("shadow: 2s, hold: 2s, auto_advance: true", "shadow: 1h")).status()).isEqualTo(201);
        for (String reason : List.of("backfill", "shadow")) {
            assertThat(server.post(orders(slug, "advance"), LEAD, Map.of("reason", reason)).status()).isEqualTo(200);
        }
        // a node queued this firing (Quartz's part is done) and died before sending its command
        java.time.Instant scheduled = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String job = "validation:orders:orders-errors";
        String firing = """
                {"migration": "%s", "kind": "VALIDATION", "wave": "orders", "validation": "orders-errors",
                 "scheduled": "%s", "key": "schedule:%s/%s@%d"}""".formatted(slug, scheduled, slug, job,
                scheduled.toEpochMilli());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(control.url(), control.user(),
                control.password())) {
            for (int attempt = 0; attempt < 2; attempt++) {
                try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO outbox_message (topic, "
                        + "message_key, position, payload) VALUES ('schedule-firing', ?, ?, ?) "
                        + "ON CONFLICT ON CONSTRAINT outbox_message_once DO NOTHING")) {
                    insert.setString(1, slug + "/" + job);
                    insert.setLong(2, scheduled.toEpochMilli());
                    insert.setString(3, firing);
                    // Quartz handing the same firing over again (a recovery, a second node) queues nothing more
                    assertThat(insert.executeUpdate()).isEqualTo(attempt == 0 ? 1 : 0);
                }
            }
        }

        awaitEvent(slug, "ValidationRunRequestedEvent", "scheduled run of orders-errors");
        JsonNode run = events(slug, "ValidationRunRequestedEvent").get(0);
        assertThat(run.path("actor_name").asText()).isEqualTo("dimmer scheduler");
        assertThat(run.path("payload").path("at").asText()).isEqualTo(scheduled.toString());
        Thread.sleep(1_500);
        assertThat(events(slug, "ValidationRunRequestedEvent")).hasSize(1);
    }

    @Test
    void anExpiringVoteIsAnnouncedAheadAndItsExpiryWhenTheQuorumDrops() {
        String slug = "votes-expire";
        assertThat(server.postYaml("/api/migrations", LEAD, expiringVotes(slug)).status()).isEqualTo(201);
        for (String reason : List.of("backfill", "shadow", "canary")) {
            assertThat(server.post(orders(slug, "advance"), LEAD, Map.of("reason", reason)).status()).isEqualTo(200);
        }
        assertThat(server.post(orders(slug, "gonogo"), LEAD, Map.of("reason", "review")).status()).isEqualTo(200);
        assertThat(server.post(orders(slug, "votes"), APPROVER, Map.of("vote", "approve")).status()).isEqualTo(200);
        assertThat(server.post(orders(slug, "votes"), APPROVER_TWO, Map.of("vote", "approve")).status())
                .isEqualTo(200);

        // dimmer schedule shows the announcement to come
        server.await("/api/migrations/" + slug + "/schedule", VIEWER, view -> view.path("jobs")
                .findValuesAsText("kind").contains("vote-expires"));

        // 8s ballots: announced 4s ahead (half their life), then their expiry drops the quorum
        awaitEvent(slug, "ScheduledNoticeEvent", "Bea Approver's approval on the cutover of orders expires at ");
        awaitEvent(slug, "ScheduledNoticeEvent", "expired at ");
        List<String> texts = events(slug, "ScheduledNoticeEvent").stream()
                .map(e -> e.path("payload").path("text").asText()).toList();
        assertThat(texts).anySatisfy(text -> assertThat(text).startsWith("Bea Approver's approval on the cutover "
                + "of orders expires at ").contains(", 4s from now (ballots count for 8s); then the go/no-go would "
                + "not pass: it has 1 of 2 approvals from approvers"));
        assertThat(texts).anySatisfy(text -> assertThat(text).startsWith("Bea Approver's approval on the cutover "
                + "of orders expired at ").contains("the go/no-go no longer passes: it has 1 of 2 approvals from "
                + "approvers"));
        JsonNode notice = events(slug, "ScheduledNoticeEvent").get(0);
        assertThat(notice.path("actor_name").asText()).isEqualTo("dimmer scheduler");
        assertThat(notice.path("channel").asText()).isEqualTo("scheduler");
    }
}
