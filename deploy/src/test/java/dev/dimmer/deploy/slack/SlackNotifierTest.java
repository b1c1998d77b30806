package dev.dimmer.deploy.slack;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The channel notifier: one thread per migration under a live status card, each event posted exactly once. */
class SlackNotifierTest {
    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static TestDatabase database;
    private static FakeSlack slack;
    private static RunningControlPlane server;

    @BeforeAll
    static void start() throws IOException {
        database = TestPostgres.newDatabase();
        slack = new FakeSlack();
        server = node();
    }

    private static RunningControlPlane node() {
        return RunningControlPlane.on(database, Map.of("dimmer.slack.bot-token", "xoxb-test",
                "dimmer.slack.api-url", slack.apiUrl(), "dimmer.slack.poll-interval", "50ms",
                "dimmer.slack.retry-base", "50ms"), SlackPlans.CONFIGURED);
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.close();
        database.close();
    }

    private static void advance(String id, String reason) {
        long started = System.nanoTime();
        assertThat(server.post("/api/migrations/" + id + "/waves/customers/advance", LEAD, Map.of("reason", reason))
                .status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the API never waits for Slack")
                .isLessThan(Duration.ofSeconds(3));
    }

    private static String root(String id) {
        return slack.await("chat.postMessage", c -> c.stream().anyMatch(m -> m.param("text").equals("Migration " + id)),
                PATIENCE).stream().filter(m -> m.param("text").equals("Migration " + id)).findFirst().orElseThrow()
                .param("_ts");
    }

    // the events' sentences; signed audit checkpoints join the thread too, on a topic of their own
    private static List<String> thread(String rootTs) {
        return slack.calls("chat.postMessage").stream().filter(m -> m.param("thread_ts").equals(rootTs))
                .map(m -> m.param("text")).filter(t -> !t.startsWith("Audit checkpoint")).toList();
    }

    @Test
    void shouldPostEachSignedCheckpointIntoTheThreadsOfTheMigrationsItCovers() {
        // given a migration with events
        assertThat(server.postYaml("/api/migrations", LEAD, SlackPlans.plan("notify-witness")).status())
                .isEqualTo(201);
        advance("notify-witness", "snapshot restored");
        String root = root("notify-witness");
        // when a checkpoint is signed (verification signs one of every leaf so far)
        assertThat(server.get("/api/audit/verify", LEAD).status()).isEqualTo(200);
        // then its signed note is in the migration's thread, and it verifies with the ledger's public key
        String posted = slack.await("chat.postMessage", c -> c.stream().anyMatch(m -> m.param("thread_ts")
                        .equals(root) && m.param("text").startsWith("Audit checkpoint")), PATIENCE).stream()
                .filter(m -> m.param("thread_ts").equals(root) && m.param("text").startsWith("Audit checkpoint"))
                .findFirst().orElseThrow().param("text");
        String note = posted.substring(posted.indexOf("```\n") + 4, posted.lastIndexOf("\n```")) + "\n";
        String pem = server.get("/api/audit/key", LEAD).body().path("public_key").asText();
        dev.dimmer.api.ledger.Checkpoint signed = dev.dimmer.api.ledger.Checkpoint.verify(note,
                dev.dimmer.api.ledger.LedgerKeys.readPublic(pem));
        assertThat(signed.treeSize()).isGreaterThanOrEqualTo(2);
    }

    private static List<String> awaitThread(String rootTs, int size) {
        slack.await("chat.postMessage", c -> thread(rootTs).size() >= size, PATIENCE);
        FakeSlack.sleep(400);
        return thread(rootTs);
    }

    @Test
    void shouldPostEachEventOnceInTheMigrationsThreadAcrossARestart() {
        // given a migration registered and moved twice
        assertThat(server.postYaml("/api/migrations", LEAD, SlackPlans.plan("notify-once")).status()).isEqualTo(201);
        advance("notify-once", "snapshot restored");
        advance("notify-once", "backfill verified");
        String root = root("notify-once");
        List<String> before = awaitThread(root, 3);
        assertThat(before).hasSize(3);
        assertThat(before.get(0)).startsWith("Migration notify-once registered (CRM to managed PostgreSQL, 1 waves)")
                .contains("by Ada Lead");
        assertThat(before.get(1)).startsWith("Wave customers moved PLANNED → BACKFILL by Ada Lead: snapshot restored");
        assertThat(before.get(2)).contains("BACKFILL → SHADOW");
        slack.await("chat.update", c -> c.stream().anyMatch(u -> u.param("ts").equals(root)
                && u.param("blocks").contains("*customers* SHADOW")), PATIENCE);

        // when the server restarts and the wave moves on
        server.stop();
        server.start();
        advance("notify-once", "shadow reads clean");

        // then the thread has each event once, in order, and no second root was posted
        List<String> after = awaitThread(root, 4);
        assertThat(after).hasSize(4).startsWith(before.toArray(String[]::new));
        assertThat(after.get(3)).contains("SHADOW → CANARY 10%");
        assertThat(slack.calls("chat.postMessage").stream().filter(m -> m.param("text").equals("Migration notify-once")))
                .hasSize(1);
    }

    @Test
    void shouldPostEachEventOnceWithTwoNodesOnOneDatabase() {
        try (RunningControlPlane second = node()) {
            // given commands arriving at both nodes
            assertThat(second.postYaml("/api/migrations", LEAD, SlackPlans.plan("notify-nodes")).status())
                    .isEqualTo(201);
            for (RunningControlPlane node : List.of(server, second, server)) {
                assertThat(node.post("/api/migrations/notify-nodes/waves/customers/advance", LEAD,
                        Map.of("reason", "step")).status()).isEqualTo(200);
            }

            // then one root and each event once, whichever node took it
            String root = root("notify-nodes");
            assertThat(awaitThread(root, 4)).hasSize(4).doesNotHaveDuplicates();
            assertThat(slack.calls("chat.postMessage").stream()
                    .filter(m -> m.param("text").equals("Migration notify-nodes"))).hasSize(1);
        }
    }

    @Test
    void shouldMarkARowSlackRefusesForGoodFailedAndPostTheNextOne() throws java.sql.SQLException {
        // given a migration whose thread is up
        assertThat(server.postYaml("/api/migrations", LEAD, SlackPlans.plan("notify-refused")).status())
                .isEqualTo(201);
        String root = root("notify-refused");
        awaitThread(root, 1);

        // when Slack answers the next post with msg_too_long, and the wave moves on twice
        slack.refuseNext("chat.postMessage", 1, "msg_too_long");
        advance("notify-refused", "y".repeat(1900));
        slack.await("chat.postMessage!msg_too_long", c -> !c.isEmpty(), PATIENCE);
        advance("notify-refused", "backfill verified");

        // then the refused row is not retried and the next one is posted
        List<String> thread = awaitThread(root, 2);
        assertThat(thread).hasSize(2);
        assertThat(thread.get(1)).contains("BACKFILL → SHADOW").contains("backfill verified");
        assertThat(slack.calls("chat.postMessage!msg_too_long")).hasSize(1);
        assertThat(slack.calls("chat.postMessage!msg_too_long").get(0).param("text"))
                .as("a long reason is cut with an ellipsis").contains("yyy…").hasSizeLessThan(3000);
        javax.sql.DataSource data = server.plane().context().getBean(javax.sql.DataSource.class);
        try (var c = data.getConnection(); var rows = c.createStatement().executeQuery(
                "SELECT last_error, attempts FROM outbox_message WHERE topic = 'slack' "
                        + "AND message_key = 'notify-refused' AND failed_at IS NOT NULL")) {
            assertThat(rows.next()).as("the refused row is marked failed").isTrue();
            assertThat(rows.getString(1)).isEqualTo("chat.postMessage: msg_too_long");
            assertThat(rows.getInt(2)).isEqualTo(1);
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void shouldSurviveA429BurstAndAnOutageWithoutLosingOrRepeatingAPost() {
        // given Slack answers the next three posts with 429 Retry-After: 1
        slack.failNext("chat.postMessage", 3, 429, 1);

        // when events keep coming
        assertThat(server.postYaml("/api/migrations", LEAD, SlackPlans.plan("notify-burst")).status()).isEqualTo(201);
        advance("notify-burst", "snapshot restored");
        advance("notify-burst", "backfill verified");

        // then every event is posted once, in order, after Slack's wait
        String root = root("notify-burst");
        assertThat(awaitThread(root, 3)).hasSize(3);
        assertThat(slack.calls("chat.postMessage!429")).hasSize(3);

        // and an outage (503s) is retried with backoff
        slack.failNext("chat.postMessage", 2, 503, 0);
        advance("notify-burst", "shadow reads clean");
        List<String> thread = awaitThread(root, 4);
        assertThat(thread).hasSize(4).doesNotHaveDuplicates();
        assertThat(thread.get(3)).contains("SHADOW → CANARY 10%");
    }
}
