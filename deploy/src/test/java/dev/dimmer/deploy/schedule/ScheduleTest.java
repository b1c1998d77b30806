package dev.dimmer.deploy.schedule;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduler on one control plane with short real triggers: a hold that ends is announced, a wave's go/no-go is
 * opened by the scheduler at the review lead time before the next window, stabilization ends with "ready to
 * decommission", a plan revision re-derives the schedule, and the API refuses moves with the time they open and
 * takes a lead's override with a reason.
 */
class ScheduleTest {
    private static TestDatabase control;
    private static RunningControlPlane server;

    @BeforeAll
    static void start() {
        control = TestPostgres.newDatabase();
        server = RunningControlPlane.on(control);
    }

    @AfterAll
    static void stop() {
        server.close();
        control.close();
    }

    private static String plan(String slug, String every, String cron, String review) {
        return """
                slug: %s
                title: Orders with short holds
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                  - {id: U04BEA, name: Bea Approver, role: approver}
                  - {id: U05CAI, name: Cai Approver, role: approver}
                inventory:
                  datasets:
                    - {name: orders, table: public.orders, key_columns: [order_id], owner: team-shop}
                metrics:
                  prometheus: http://127.0.0.1:1
                waves:
                  - {name: orders, datasets: [orders], canary_steps: [10, 50], shadow: 1h, hold: 3s, stabilization: 3s}
                validations:
                  - {name: orders-errors, kind: metric, dataset: orders, query: errors, max: 0.01, every: %s}
                windows:
                  time_zone: UTC
                  cutover: {cron: "%s", duration: 1h}
                communication:
                  go_no_go_review: %s
                """.formatted(slug, every, cron, review);
    }

    private static String path(String slug, String action) {
        return "/api/migrations/" + slug + "/waves/orders/" + action;
    }

    private static Answer post(String slug, String action, Map<String, Object> body) {
        return server.post(path(slug, action), LEAD, body);
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

    @Test
    void holdsRefuseWithTheirOpeningTimeAndTheSchedulerAnnouncesTheirEnd() {
        String slug = "sched-holds";
        // the window opens once a year, far away: a cutover now is outside it
        assertThat(server.postYaml("/api/migrations", LEAD, plan(slug, "1h", "0 0 3 1 1 ? *", "24h")).status())
                .isEqualTo(201);
        for (String reason : List.of("backfill", "shadow")) {
            assertThat(post(slug, "advance", Map.of("reason", reason)).status()).isEqualTo(200);
        }
        Answer early = post(slug, "advance", Map.of("reason", "too early"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("code").asText()).isEqualTo("hold-not-over");
        assertThat(early.body().path("detail").asText()).startsWith("orders may enter canary at ")
                .contains(", 1h from now: its shadow runs 1h from ");
        Answer overridden = post(slug, "advance", Map.of("reason", "staging proved it", "override", List.of("hold")));
        assertThat(overridden.status()).as(overridden.body().toString()).isEqualTo(200);
        assertThat(events(slug, "TimeRuleOverriddenEvent")).singleElement().satisfies(e -> {
            assertThat(e.path("reason").asText()).isEqualTo("staging proved it");
            assertThat(e.path("payload").path("refusal").asText()).startsWith("orders may enter canary at ");
        });
        Answer unknown = post(slug, "advance", Map.of("reason", "x", "override", List.of("everything")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("detail").asText()).contains("use window, hold or stabilization");

        // the 3s hold at 10% ends: the scheduler says so in the migration's record
        server.await("/api/migrations/" + slug + "/audit", VIEWER, audit -> audit.path("entries").findValuesAsText(
                "type").contains("ScheduledNoticeEvent"));
        JsonNode notice = events(slug, "ScheduledNoticeEvent").get(0);
        assertThat(notice.path("payload").path("text").asText()).isEqualTo("orders may go to 50% now: its hold of 3s "
                + "at 10% is over");
        assertThat(notice.path("actor_name").asText()).isEqualTo("dimmer scheduler");
        assertThat(notice.path("channel").asText()).isEqualTo("scheduler");
        assertThat(post(slug, "advance", Map.of("reason", "hold over")).status()).isEqualTo(200);

        Answer cutover = post(slug, "cutover", Map.of("reason", "now"));
        assertThat(cutover.status()).isEqualTo(409);
        assertThat(cutover.body().toString()).contains("outside-window").contains("may cut over only in the cutover "
                + "window (0 0 3 1 1 ? * for 1h, UTC); the next opens at ");
    }

    @Test
    void theSchedulerOpensTheGoNoGoAtTheReviewLeadTimeAndAnnouncesTheEndOfStabilization() {
        String slug = "sched-review";
        // a window opening 65s from now, reviewed 1m ahead: the review is due in about 5s
        ZonedDateTime opens = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(65).withNano(0);
        String cron = opens.getSecond() + " " + opens.getMinute() + " " + opens.getHour() + " " + opens.getDayOfMonth()
                + " " + opens.getMonthValue() + " ? " + opens.getYear();
        assertThat(server.postYaml("/api/migrations", LEAD, plan(slug, "15m", cron, "1m")).status()).isEqualTo(201);
        for (String reason : List.of("backfill", "shadow")) {
            post(slug, "advance", Map.of("reason", reason));
        }
        post(slug, "advance", Map.of("reason", "canary", "override", List.of("hold")));
        // the schedule is derived from the log by a processor of its own, a moment after the command's answer
        JsonNode schedule = server.await("/api/migrations/" + slug + "/schedule", VIEWER, view -> view.path("jobs")
                .findValuesAsText("kind").containsAll(List.of("go-no-go-review", "validation", "hold-ends",
                        "window-ends")));
        assertThat(schedule.path("jobs").findValuesAsText("kind")).contains("go-no-go-review", "validation",
                "hold-ends", "window-ends");

        // then the scheduler opens the go/no-go by itself before the window
        server.await("/api/migrations/" + slug + "/audit", VIEWER, audit -> audit.path("entries")
                .findValuesAsText("type").contains("GoNoGoOpenedEvent"));
        JsonNode opened = events(slug, "GoNoGoOpenedEvent").get(0);
        assertThat(opened.path("actor_name").asText()).isEqualTo("dimmer scheduler");
        assertThat(opened.path("reason").asText()).startsWith("go/no-go review before the window at ");

        // a plan revision re-derives the schedule: the validation now runs every 30m
        assertThat(server.postYaml("/api/migrations", LEAD, plan(slug, "30m", cron, "1m")).status()).isEqualTo(200);
        server.await("/api/migrations/" + slug + "/schedule", VIEWER, view -> view.path("jobs").findValuesAsText("rule")
                .stream().anyMatch(rule -> rule.startsWith("every 30m while orders")));

        // stabilization of 3s after cutover ends with "ready to decommission"
        server.passGoNoGo(slug, "orders");
        post(slug, "advance", Map.of("reason", "50%", "override", List.of("hold")));
        Answer cutover = post(slug, "cutover", Map.of("reason", "go", "override", List.of("window")));
        assertThat(cutover.status()).as(cutover.body().toString()).isEqualTo(200);
        assertThat(post(slug, "advance", Map.of("reason", "stabilize")).status()).isEqualTo(200);
        Answer early = post(slug, "advance", Map.of("reason", "decommission now"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("detail").asText()).startsWith("orders may be decommissioned at ");
        server.await("/api/migrations/" + slug + "/audit", VIEWER, audit -> audit.path("entries").findValuesAsText(
                "type").contains("ScheduledNoticeEvent") && audit.toString().contains("ready to decommission"));
        assertThat(post(slug, "advance", Map.of("reason", "stable")).status()).isEqualTo(200);
        assertThat(server.await("/api/migrations/" + slug + "/schedule", VIEWER, view -> !view.path("jobs")
                .findValuesAsText("kind").contains("validation")).path("jobs").findValuesAsText("kind"))
                .doesNotContain("validation");
    }
}
