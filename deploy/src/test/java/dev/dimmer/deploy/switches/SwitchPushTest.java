package dev.dimmer.deploy.switches;

import static dev.dimmer.deploy.RunningControlPlane.CONSUMER;
import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.deploy.Plans;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A change made on node A is served by node B within a second because A tells B over PostgreSQL's LISTEN/NOTIFY:
 * both nodes poll the log only every 30 s here, so nothing else could bring it that fast.
 */
class SwitchPushTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Object> SLOW_POLL = Map.of("dimmer.switches.poll-interval", "30s");

    @Test
    void shouldPushEveryChangeToTheOtherNodeWithinASecond() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase();
             RunningControlPlane nodeA = RunningControlPlane.on(database, SLOW_POLL, List.of());
             RunningControlPlane nodeB = RunningControlPlane.on(database, SLOW_POLL, List.of())) {
            String id = "crm-push";
            assertThat(nodeA.postYaml("/api/migrations", LEAD, Plans.switched(id)).status()).isEqualTo(201);
            List<Long> delays = new ArrayList<>();
            for (String step : List.of("advance", "advance", "advance", "advance", "rollback", "advance")) {
                // given node B serves what node A serves
                JsonNode before = flag(nodeA);
                awaitOn(nodeB, before, 5_000);
                // when a command changes the switch through node A
                long sent = System.nanoTime();
                assertThat(nodeA.post("/api/migrations/" + id + "/waves/customers/" + step, LEAD,
                        Map.of("reason", "step " + step)).status()).isEqualTo(200);
                JsonNode after = flag(nodeA);
                while (after.equals(before)) {
                    after = flag(nodeA);
                }
                // then node B serves the new answer within a second
                delays.add(awaitOn(nodeB, after, 1_000) - sent);
            }
            System.out.printf("SwitchPushTest: node B served each change %s ms after node A took the command "
                    + "(polling every 30 s)%n", delays.stream().map(d -> d / 1_000_000).toList());
        }
    }

    /** Waits until the node serves {@code expected}; answers the moment it did, or fails after the limit. */
    private static long awaitOn(RunningControlPlane node, JsonNode expected, long limitMillis) throws Exception {
        long deadline = System.nanoTime() + limitMillis * 1_000_000;
        JsonNode served = flag(node);
        while (!served.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(2);
            served = flag(node);
        }
        assertThat(served).as("served by the other node within " + limitMillis + " ms").isEqualTo(expected);
        return System.nanoTime();
    }

    private static JsonNode flag(RunningControlPlane node) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(node.url()
                        + "/ofrep/v1/evaluate/flags/customers-read-path")).header("Authorization", "Bearer " + CONSUMER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"context\": {\"targetingKey\": \"customer-7\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        return body.path("metadata");
    }
}
