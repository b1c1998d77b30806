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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database each hold every switch in memory and answer identically, a change made through one
 * served by the other within a second; a node started later replays the log and answers the same at once.
 */
class SwitchNodesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestDatabase database;
    private static RunningControlPlane nodeA;
    private static RunningControlPlane nodeB;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        nodeA = RunningControlPlane.on(database);
        nodeB = RunningControlPlane.on(database);
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
        database.close();
    }

    @Test
    void shouldAnswerIdenticallyOnBothNodesWithinASecondOfEveryChange() throws Exception {
        String id = "crm-two-nodes";
        assertThat(nodeA.postYaml("/api/migrations", LEAD, Plans.switched(id)).status()).isEqualTo(201);
        String[] steps = {"advance", "advance", "advance", "advance", "rollback", "advance"};
        for (String step : steps) {
            // given both nodes agree
            JsonNode before = bulk(nodeA, "customer-7");
            // when a command goes through node A
            assertThat(nodeA.post("/api/migrations/" + id + "/waves/customers/" + step, LEAD,
                    Map.of("reason", "step " + step)).status()).isEqualTo(200);
            long sent = System.nanoTime();
            JsonNode onA = awaitChange(nodeA, before);
            // then node B serves the same answers for every key within a second
            long deadline = sent + 1_000_000_000L;
            boolean same = false;
            while (System.nanoTime() < deadline && !same) {
                same = sameAnswers(onA);
                if (!same) {
                    Thread.sleep(5);
                }
            }
            assertThat(same).as("node B within a second of " + step).isTrue();
        }
        // a node started now replays the whole log before it serves
        try (RunningControlPlane nodeC = RunningControlPlane.on(database)) {
            for (int i = 0; i < 50; i++) {
                assertThat(bulk(nodeC, "customer-" + i)).isEqualTo(bulk(nodeA, "customer-" + i));
            }
        }
    }

    private static boolean sameAnswers(JsonNode onA) throws Exception {
        if (!bulk(nodeB, "customer-7").equals(onA)) {
            return false;
        }
        for (int i = 0; i < 50; i++) {
            if (!bulk(nodeA, "customer-" + i).equals(bulk(nodeB, "customer-" + i))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode awaitChange(RunningControlPlane node, JsonNode before) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        JsonNode now = bulk(node, "customer-7");
        while (now.equals(before) && System.nanoTime() < deadline) {
            Thread.sleep(2);
            now = bulk(node, "customer-7");
        }
        assertThat(now).isNotEqualTo(before);
        return now;
    }

    /** The bulk answer's flags for a targeting key (metadata included: phase, weight, log position). */
    private static JsonNode bulk(RunningControlPlane node, String key) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(node.url()
                        + "/ofrep/v1/evaluate/flags")).header("Authorization", "Bearer " + CONSUMER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"context\": {\"targetingKey\": \"" + key + "\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("flags");
    }
}
