package dev.dimmer.deploy.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.deploy.nodes.Cluster;
import dev.dimmer.deploy.nodes.ServerNode;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Two control planes in two JVMs on one PostgreSQL (two Quartz schedulers of one name cannot share a JVM): recurring
 * validations and digests fire by themselves in SHADOW, and each firing acts once, though both nodes run the
 * scheduler. Then the whole cluster stops for several periods: on return, each missed job fires once, not once per
 * missed slot.
 */
class ScheduleClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = Cluster.LEAD;
    private static final String SLUG = "cluster-orders";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachJobFiresOnceOnTwoNodesAndOnceAfterAClusterOutage() throws Exception {
        try (TestDatabase control = TestPostgres.newDatabase(); TestDatabase data = TestPostgres.newDatabase()) {
            try (Connection c = DriverManager.getConnection(data.url(), data.user(), data.password());
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE orders (order_id INT PRIMARY KEY)");
                s.execute("INSERT INTO orders SELECT generate_series(1, 100)");
            }
            // Quartz takes a node for dead 1 s + 7.5 s after its last check-in
            try (Cluster cluster = Cluster.start("schedule-cluster", control, 2, Map.of(), List.of(
                    "-Ddimmer.schedule.checkin-interval-ms=1000", "-Ddimmer.schedule.misfire-threshold-ms=8000",
                    "-Ddimmer.schedule.idle-wait-ms=1000"))) {
                String first = cluster.node(1).url();
                String second = cluster.node(2).url();
                // given a wave in SHADOW with two validations every 10s and a digest every 10s
                send(first + "/api/migrations", "application/yaml", plan(data), 201);
                for (String reason : List.of("backfill", "shadow")) {
                    send(second + "/api/migrations/" + SLUG + "/waves/orders/advance", "application/json",
                            "{\"reason\": \"" + reason + "\"}", 200);
                }
                // the schedule is derived from the events a moment after they are stored, on whichever node
                JsonNode schedule = get(first + "/api/migrations/" + SLUG + "/schedule");
                for (long until = System.nanoTime() + 60_000_000_000L; schedule.path("jobs").size() < 3
                        && System.nanoTime() < until; ) {
                    Thread.sleep(200);
                    schedule = get(first + "/api/migrations/" + SLUG + "/schedule");
                }
                assertThat(schedule.path("time_zone").asText()).isEqualTo("Europe/Berlin");
                assertThat(schedule.path("jobs").findValuesAsText("kind")).contains("validation", "digest");
                assertThat(schedule.path("jobs").findValuesAsText("validation"))
                        .contains("orders-count", "orders-count-again");

                // when both nodes run for a little over three periods
                Thread.sleep(37_000);

                // then each validation ran three or four times, once per scheduled time, as the scheduler
                Map<String, List<Instant>> runs = runsByValidation(first);
                assertThat(runs.keySet()).containsExactlyInAnyOrder("orders-count", "orders-count-again");
                for (List<Instant> times : runs.values()) {
                    assertThat(times).hasSizeBetween(2, 4).doesNotHaveDuplicates();
                    spacedByAPeriodAtLeast(times);
                }
                List<JsonNode> digests = events(first, "ScheduledNoticeEvent");
                Set<String> dues = new HashSet<>();
                digests.forEach(d -> dues.add(d.path("payload").path("due").asText()));
                assertThat(digests).hasSizeBetween(2, 4);
                assertThat(dues).hasSameSizeAs(digests);
                assertThat(digests).allSatisfy(d -> {
                    assertThat(d.path("actor_name").asText()).isEqualTo("dimmer scheduler");
                    assertThat(d.path("channel").asText()).isEqualTo("scheduler");
                });

                // when the whole cluster goes down (killed) for five periods and one node comes back
                Instant killed = Instant.now();
                cluster.nodes().forEach(ServerNode::kill);
                Map<String, Integer> before = counts(runsByValidation(control, null));
                Thread.sleep(50_000);
                Instant back = Instant.now();
                cluster.node(1).start();
                Thread.sleep(15_000);

                // then each validation ran once for the five missed slots, at its return, and goes on every 10s;
                // a firing the killed nodes had started (and not finished) is run again with its own time
                Map<String, List<Instant>> after = runsByValidation(first);
                for (String validation : before.keySet()) {
                    List<Instant> since = after.get(validation).subList(before.get(validation),
                            after.get(validation).size());
                    assertThat(since).as(validation).filteredOn(at -> at.isBefore(killed)).hasSizeLessThan(2);
                    assertThat(since).as(validation + ": no run for a slot missed while down")
                            .noneMatch(at -> !at.isBefore(killed) && at.isBefore(back));
                    List<Instant> returned = since.stream().filter(at -> at.isAfter(back)).toList();
                    assertThat(returned).as(validation).isNotEmpty();
                    spacedByAPeriodAtLeast(returned);
                }
            }
        }
    }

    /**
     * Runs of one validation are a period apart or more: a doubled firing, or a catch-up of missed slots, would put
     * two closer (on a loaded machine a firing may start late, and after a misfire the period counts from then).
     */
    private static void spacedByAPeriodAtLeast(List<Instant> times) {
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    private static Map<String, Integer> counts(Map<String, List<Instant>> runs) {
        Map<String, Integer> counts = new TreeMap<>();
        runs.forEach((validation, times) -> counts.put(validation, times.size()));
        return counts;
    }

    /** The validation runs in the log itself, per validation, read from the database while no node runs. */
    private static Map<String, List<Instant>> runsByValidation(TestDatabase control, Object unused) throws Exception {
        Map<String, List<Instant>> runs = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(control.url(), control.user(), control.password());
             Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT payload FROM domain_event_entry WHERE payload_type = "
                     + "'dev.dimmer.api.evidence.ValidationRunRequestedEvent'")) {
            while (rows.next()) {
                JsonNode payload = JSON.readTree(rows.getBytes(1));
                for (JsonNode validation : payload.path("validations")) {
                    runs.computeIfAbsent(validation.asText(), v -> new ArrayList<>()).add(Instant.parse(
                            payload.path("at").asText()));
                }
            }
        }
        return runs;
    }

    /** The scheduler's validation runs per validation, by their (scheduled) time. */
    private Map<String, List<Instant>> runsByValidation(String url) throws Exception {
        Map<String, List<Instant>> runs = new TreeMap<>();
        for (JsonNode entry : events(url, "ValidationRunRequestedEvent")) {
            assertThat(entry.path("channel").asText()).isEqualTo("scheduler");
            JsonNode payload = entry.path("payload");
            for (JsonNode validation : payload.path("validations")) {
                runs.computeIfAbsent(validation.asText(), v -> new ArrayList<>()).add(Instant.parse(
                        payload.path("at").asText()));
            }
        }
        runs.values().forEach(times -> times.sort(Instant::compareTo));
        return runs;
    }

    private static String plan(TestDatabase data) {
        return """
                slug: %s
                title: Orders on a cluster of two control planes
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                inventory:
                  datasets:
                    - {name: orders, table: public.orders, key_columns: [order_id], owner: team-shop}
                connections:
                  source: {jdbc_url: "%s", user: %s, password: "${env:CLUSTER_DB_PASSWORD}"}
                  target: {jdbc_url: "%s", user: %s, password: "${env:CLUSTER_DB_PASSWORD}"}
                waves:
                  - {name: orders, datasets: [orders], canary_steps: [10, 50], shadow: 1h}
                validations:
                  - {name: orders-count, kind: row_count, dataset: orders, tolerance: 0%%, every: 10s}
                  - {name: orders-count-again, kind: row_count, dataset: orders, tolerance: 0%%, every: 10s}
                windows:
                  time_zone: Europe/Berlin
                communication:
                  channel: "#orders"
                  cadence: {shadow: 10s}
                """.formatted(SLUG, data.url(), data.user(), data.url(), data.user());
    }

    private List<JsonNode> events(String url, String type) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode entry : get(url + "/api/migrations/" + SLUG + "/audit").path("entries")) {
            if (entry.path("type").asText().equals(type)) {
                found.add(entry);
            }
        }
        return found;
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private void send(String url, String type, String body, int expected) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url + ": " + answer.body()).isEqualTo(expected);
    }
}
