package dev.dimmer.deploy.nodes;

import static dev.dimmer.deploy.nodes.Cluster.CONSUMER;
import static dev.dimmer.deploy.nodes.Cluster.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.core.rollback.RunbookExecutor;
import dev.dimmer.deploy.Plans;
import dev.dimmer.deploy.rollback.RunbookPlans;
import dev.dimmer.deploy.rollback.WebhookReceiver;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three server JVMs on one PostgreSQL, started once for the class; each scenario begins with all three running and
 * may kill or restart any of them. Which node runs a runbook or holds a trigger is read from the database (the
 * processor's token claim, Quartz's fired-trigger row), never guessed. The rolling restart under load comes last and
 * checks the whole log the scenarios wrote: every acknowledged command once, the views equal to a rebuild, the
 * audit ledger intact.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodesTest {
    private static final String SECRET = "hook-secret-for-three-nodes";
    private static TestDatabase control;
    private static TestDatabase target;
    private static WebhookReceiver receiver;
    private static Cluster cluster;

    @BeforeAll
    static void startThreeNodes() throws Exception {
        control = TestPostgres.newDatabase();
        target = TestPostgres.newDatabase();
        RunbookPlans.prepare(target);
        receiver = new WebhookReceiver(SECRET);
        // a node is taken for dead 1 s + 7.5 s after its last check-in; a trigger due within 30 s is acquired at
        // once by the node that schedules it, so that which node holds it is known well before it fires
        cluster = Cluster.start("three-nodes", control, 3, Map.of("ROLLBACK_HOOK_SECRET", SECRET), List.of(
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m",
                "-Ddimmer.schedule.checkin-interval-ms=1000", "-Ddimmer.schedule.idle-wait-ms=30000"));
    }

    @AfterAll
    static void stopThem() {
        if (cluster != null) {
            cluster.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        target.close();
        control.close();
    }

    @BeforeEach
    void everyNodeRuns() {
        cluster.nodes().stream().filter(node -> !node.alive()).forEach(ServerNode::start);
    }

    @Test
    @Order(1)
    void shouldAnswerEverySwitchIdenticallyOnEveryNodeWithinASecondOfEachChange() {
        String id = "nodes-switches";
        Api.expect(201, Api.postYaml(cluster.node(1), LEAD, "/api/migrations", Plans.switched(id)), "register");
        String[] steps = {"advance", "advance", "advance", "advance", "rollback", "advance"};
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            // given every node answers alike
            ServerNode via = cluster.node(i % 3 + 1);
            JsonNode before = flags(via, "customer-7");
            // when a command goes through one node, in turn
            Api.wave(via, id, "customers", steps[i], "step " + i);
            long answered = System.nanoTime();
            // then every node serves the changed answer within a second of the command's answer
            Cluster.await(Duration.ofSeconds(5), via.nodeId() + " serving its own change",
                    () -> !flags(via, "customer-7").equals(before));
            JsonNode changed = flags(via, "customer-7");
            Cluster.await(Duration.ofSeconds(5), "every node serving " + steps[i] + " " + i,
                    () -> cluster.nodes().stream().allMatch(node -> flags(node, "customer-7").equals(changed)));
            lags.add((System.nanoTime() - answered) / 1_000_000);
        }
        for (int key = 0; key < 20; key++) {
            JsonNode one = flags(cluster.node(1), "customer-" + key);
            for (ServerNode node : cluster.nodes()) {
                assertThat(flags(node, "customer-" + key)).as(node.name() + " customer-" + key).isEqualTo(one);
            }
        }
        System.out.println("ThreeNodesTest switches: every node served each change " + lags
                + " ms after the command's answer");
        assertThat(lags).allSatisfy(lag -> assertThat(lag).isLessThanOrEqualTo(1000L));
    }

    @Test
    @Order(2)
    void shouldFinishARollbackOnAnotherNodeWithoutRepeatingAStepWhenItsNodeIsKilled() throws Exception {
        String slug = "nodes-rollback";
        // given a wave at 50% whose rollback swaps a view back, then calls a webhook that hangs
        Api.expect(201, Api.postYaml(cluster.node(2), LEAD, "/api/migrations", RunbookPlans.plan(slug, target,
                receiver.url("/hooks/nodes"), "ROLLBACK_HOOK_SECRET", false)), "register");
        for (String reason : List.of("backfill", "shadow", "canary", "half")) {
            Api.wave(cluster.node(2), slug, "customers", "advance", reason);
        }
        receiver.holdNext();
        Api.wave(cluster.node(3), slug, "customers", "rollback", "errors");
        String key = "dimmer:" + slug + ":customers:rollback:1:2";
        Cluster.await(Duration.ofSeconds(60), "the webhook step", () -> receiver.callsWithKey(key) == 1);
        String owner = cluster.claimOwner(RunbookExecutor.GROUP).orElseThrow();
        ServerNode runner = cluster.byId(owner);

        // while the step runs longer than a claim lasts unrenewed (10 s), no other node takes the runbook over
        long until = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        while (System.nanoTime() < until) {
            assertThat(receiver.callsWithKey(key)).as("webhook calls while " + owner + " runs the step")
                    .isEqualTo(1);
            assertThat(cluster.claimOwner(RunbookExecutor.GROUP)).as("the runbook's claim").contains(owner);
            Thread.sleep(200);
        }

        // when the node running it is killed with the step in flight
        runner.kill();
        receiver.release();

        // then another node finishes the runbook: each step started and succeeded once, the view swapped back
        // once, and the webhook called once more with the same Idempotency-Key
        Cluster.await(Duration.ofSeconds(90), "the runbook to complete",
                () -> !cluster.events(slug, "RunbookCompletedEvent").isEmpty());
        assertThat(steps(slug, "RunbookStepStartedEvent")).containsExactly(0, 1, 2);
        assertThat(steps(slug, "RunbookStepSucceededEvent")).containsExactly(0, 1, 2);
        assertThat(RunbookPlans.count(target, "SELECT count(*) FROM swaps WHERE direction = 'back'")).isEqualTo(1);
        assertThat(RunbookPlans.viewRows(target)).isEqualTo(1);
        assertThat(receiver.callsWithKey(key)).isEqualTo(2);
        assertThat(receiver.calls()).allSatisfy(call -> assertThat(call.signed()).isTrue());
        assertThat(cluster.claimOwner(RunbookExecutor.GROUP)).isPresent().get().isNotEqualTo(owner);
        System.out.println("ThreeNodesTest rollback: " + owner + " killed in step 3; finished by "
                + cluster.claimOwner(RunbookExecutor.GROUP).orElseThrow());
    }

    @Test
    @Order(3)
    void shouldFireAJobOnceOnAnotherNodeWhenTheNodeHoldingItsTriggerIsKilled() {
        String slug = "nodes-hold";
        String trigger = "hold-ends:orders:";
        // given a wave entering a shadow of 12 s, whose end is a one-off job
        Api.expect(201, Api.postYaml(cluster.node(1), LEAD, "/api/migrations", holdPlan(slug)), "register");
        Api.wave(cluster.node(1), slug, "orders", "advance", "backfill");
        Api.wave(cluster.node(2), slug, "orders", "advance", "shadow");
        Cluster.await(Duration.ofSeconds(15), "a node to acquire the trigger",
                () -> cluster.triggerHolder(slug, trigger).isPresent());
        Cluster.Held held = cluster.triggerHolder(slug, trigger).orElseThrow();
        assertThat(held.state()).isEqualTo("ACQUIRED");
        assertThat(held.scheduledMillis() - System.currentTimeMillis()).as("time left before it fires")
                .isGreaterThan(2000);
        ServerNode holder = cluster.byId(held.instance());

        // when the node holding the trigger is killed before it fires
        holder.kill();
        long killed = System.currentTimeMillis();
        assertThat(killed).as("killed before the fire time").isLessThan(held.scheduledMillis());

        // then another node recovers the trigger and fires it, once, for its own time
        Set<String> holders = new LinkedHashSet<>();
        Cluster.await(Duration.ofSeconds(60), "the shadow's end to be announced", () -> {
            cluster.triggerHolder(slug, trigger).ifPresent(h -> holders.add(h.instance()));
            return !notices(slug).isEmpty();
        });
        Cluster.await(Duration.ofSeconds(15), "the firing to end",
                () -> cluster.triggerHolder(slug, trigger).isEmpty());
        List<JsonNode> notices = notices(slug);
        assertThat(notices).hasSize(1);
        // Quartz keeps milliseconds: a trigger starts at its due time rounded up to the next one
        Instant due = Instant.parse(notices.get(0).path("due").asText());
        Instant roundedUp = due.truncatedTo(ChronoUnit.MILLIS).equals(due) ? due
                : due.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        assertThat(roundedUp).isEqualTo(Instant.ofEpochMilli(held.scheduledMillis()));
        // the dead node's row stays until another node recovers its triggers; the one firing it is seen when its row
        // lasts long enough to be polled
        holders.remove(holder.nodeId());
        System.out.println("ThreeNodesTest schedule: " + holder.nodeId() + " killed holding " + trigger + " "
                + (held.scheduledMillis() - killed) + " ms before its fire time; then held by " + holders);
    }

    @Test
    @Order(4)
    void shouldLoseNothingWhenAllThreeNodesRestartInTurnUnderLoad() throws Exception {
        // given six migrations in SHADOW and three clients sending commands to the nodes in service, in turn
        List<String> ids = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            ServerNode via = cluster.node(m % 3 + 1);
            String id = "nodes-rolling-" + m;
            Api.expect(201, Api.postYaml(via, LEAD, "/api/migrations", Plans.customersThenOrders(id)), "register");
            Api.wave(via, id, "customers", "advance", "backfill");
            Api.wave(via, id, "customers", "advance", "shadow");
            ids.add(id);
        }
        List<ServerNode> inService = new CopyOnWriteArrayList<>(cluster.nodes());
        AtomicLong turn = new AtomicLong();
        List<RollingLoad.Command> commands;
        List<Long> restarts = new ArrayList<>();
        try (RollingLoad load = new RollingLoad(() -> {
            List<ServerNode> now = List.copyOf(inService);
            return now.get((int) (turn.getAndIncrement() % now.size()));
        }, List.of(List.of(ids.get(0), ids.get(3)), List.of(ids.get(1), ids.get(4)),
                List.of(ids.get(2), ids.get(5))))) {
            load.awaitMore(15);
            // when each node in turn is stopped with SIGTERM, taken out of service, started again and put back
            for (ServerNode node : cluster.nodes()) {
                long start = System.nanoTime();
                // SIGTERM while in service: commands in flight and arriving meanwhile meet the node going away
                node.stop();
                inService.remove(node);
                node.start();
                inService.add(node);
                restarts.add((System.nanoTime() - start) / 1_000_000);
                load.awaitMore(15);
            }
            commands = load.stop();
        }

        // then every acknowledged command is in the log once, and nothing refused is
        Map<String, Long> stored = cluster.storedByCorrelation("nodes-rolling-%");
        List<String> untrue = new ArrayList<>();
        for (RollingLoad.Command command : commands) {
            long times = stored.getOrDefault(command.correlationId(), 0L);
            boolean right = switch (command.told()) {
                case ACKNOWLEDGED -> times == 1;
                case REFUSED -> times == 0;
                case UNKNOWN -> false;
            };
            if (!right) {
                untrue.add(command + " is in the log " + times + " times");
            }
        }
        long acknowledged = commands.stream().filter(c -> c.told() == RollingLoad.Told.ACKNOWLEDGED).count();
        long retried = commands.stream().filter(c -> c.attempts() > 1).count();
        System.out.println("ThreeNodesTest rolling restart: " + commands.size() + " commands, " + acknowledged
                + " acknowledged, " + retried + " sent more than once; restarts took " + restarts + " ms");
        assertThat(untrue).as("commands the log contradicts").isEmpty();
        assertThat(acknowledged).isGreaterThanOrEqualTo(60);

        // and every event has its audit row, the views equal a rebuild, and the audit ledger verifies
        cluster.awaitViewsAtTheHead();
        assertThat(cluster.rows(Cluster.EVENTS_WITHOUT_AUDIT_ROW)).as("events without their audit row").isEmpty();
        List<List<List<String>>> live = Cluster.VIEWS.stream().map(cluster::rows).toList();
        cluster.rebuildViews();
        assertThat(Cluster.VIEWS.stream().map(cluster::rows).toList()).isEqualTo(live);
        JsonNode verified = Api.expect(200, Api.get(cluster.node(2), LEAD, "/api/audit/verify"), "audit verify");
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
    }

    private List<JsonNode> notices(String slug) {
        return cluster.events(slug, "ScheduledNoticeEvent").stream()
                .filter(e -> e.path("kind").asText().equals("HOLD_ENDS")).toList();
    }

    private List<Integer> steps(String slug, String type) {
        return cluster.events(slug, type).stream().map(e -> e.path("step").asInt()).toList();
    }

    private static JsonNode flags(ServerNode node, String targetingKey) {
        Api.Answer answer = Api.postJson(node, CONSUMER, "/ofrep/v1/evaluate/flags",
                Map.of("context", Map.of("targetingKey", targetingKey)), Map.of());
        return Api.expect(200, answer, "OFREP on " + node.name()).path("flags");
    }

    private static String holdPlan(String slug) {
        return """
                slug: %s
                title: Orders with a short shadow
                owners:
                  - {id: U01LEAD, name: Ada Lead, role: lead}
                waves:
                  - {name: orders, canary_steps: [10, 50], shadow: 12s}
                """.formatted(slug);
    }
}
