package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conflicting commands at the same moment: exactly one wins, the other gets 409, and the log has no lost or
 * doubled event; on one node and across two nodes sharing the database.
 */
class ConcurrencyTest {
    private static final int ROUNDS = 15;
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
    void shouldLetExactlyOneOfTwoCutoversWinOnOneNode() throws Exception {
        race("race-one-node", nodeA, nodeA);
    }

    @Test
    void shouldLetExactlyOneOfTwoCutoversWinAcrossTwoNodes() throws Exception {
        race("race-two-nodes", nodeA, nodeB);
    }

    private static void race(String prefix, RunningControlPlane first, RunningControlPlane second) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = prefix + "-" + round;
            first.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(id));
            for (int i = 0; i < 4; i++) {
                first.post("/api/migrations/" + id + "/waves/customers/advance", LEAD, Map.of("reason", "step"));
            }
            first.passGoNoGo(id, "customers");
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (RunningControlPlane node : List.of(first, second)) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return node.post("/api/migrations/" + id + "/waves/customers/cutover", LEAD,
                            Map.of("reason", "go"));
                }));
            }
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(Answer::status).sorted()
                    .toList();
            assertThat(statuses).as("round " + round).containsExactly(200, 409);
            // registered + 4 advances + go/no-go with two votes + one cutover, and the loser's refusal when the rule
            // refused it (a lost append race leaves none), numbered from 0 without gap or double
            long refusals = Tables.count(database, "SELECT count(*) FROM domain_event_entry WHERE "
                    + "aggregate_identifier = '" + id + "' AND payload_type LIKE '%CommandRefusedEvent'");
            assertThat(refusals).as("round " + round).isLessThanOrEqualTo(1);
            assertThat(Tables.rows(database, "SELECT sequence_number FROM domain_event_entry WHERE "
                    + "aggregate_identifier = '" + id + "' ORDER BY sequence_number"))
                    .extracting(row -> Long.parseLong((String) row.get(0)))
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 9 + refusals).boxed().toList());
            assertThat(Tables.count(database, "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '"
                    + id + "' AND payload_type LIKE '%CutoverStartedEvent'")).isEqualTo(1);
        }
    }
}
