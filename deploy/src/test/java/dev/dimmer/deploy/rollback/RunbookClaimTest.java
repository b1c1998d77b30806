package dev.dimmer.deploy.rollback;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.core.rollback.RunbookExecutor;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database, claims that lapse after 6 s unrenewed (an idle processor renews them every 5 s): a
 * runbook step that runs for more than two claim timeouts (a webhook that hangs) stays with the node running it; no
 * other node takes the runbook over and runs the step again meanwhile. The webhook's secret is an environment variable every test JVM has (PATH).
 */
class RunbookClaimTest {
    private static final String SECRET_VARIABLE = "PATH";
    private static final String SLUG = "claim-outlasting-step";

    @Test
    void shouldKeepARunbookOnItsNodeWhileAStepOutlastsTheClaimTimeout() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase(); TestDatabase target = TestPostgres.newDatabase();
             WebhookReceiver receiver = new WebhookReceiver(System.getenv(SECRET_VARIABLE));
             RunningControlPlane nodeA = node(database, "node-a");
             RunningControlPlane nodeB = node(database, "node-b")) {
            RunbookPlans.prepare(target);
            // given a wave at 50% whose rollback ends with a webhook that hangs
            assertThat(nodeA.postYaml("/api/migrations", LEAD, RunbookPlans.plan(SLUG, target,
                    receiver.url("/hooks/claim"), SECRET_VARIABLE, false)).status()).isEqualTo(201);
            for (String reason : List.of("backfill", "shadow", "canary", "half")) {
                assertThat(nodeA.post(wave("advance"), LEAD, Map.of("reason", reason)).status()).isEqualTo(200);
            }
            receiver.holdNext();
            assertThat(nodeB.post(wave("rollback"), LEAD, Map.of("reason", "errors")).status()).isEqualTo(200);
            String key = "dimmer:" + SLUG + ":customers:rollback:1:2";
            await(() -> receiver.callsWithKey(key) == 1);
            String owner = owner(database);

            // when the step runs for more than two claim timeouts
            long until = System.nanoTime() + Duration.ofSeconds(14).toNanos();
            while (System.nanoTime() < until) {
                // then the node running it keeps its claim, and no other node calls the webhook again
                assertThat(owner(database)).isEqualTo(owner);
                assertThat(receiver.callsWithKey(key)).isEqualTo(1);
                Thread.sleep(100);
            }
            receiver.release();
            await(() -> count(database, "RunbookCompletedEvent") == 1);
            assertThat(receiver.callsWithKey(key)).isEqualTo(1);
            assertThat(count(database, "RunbookStepStartedEvent")).isEqualTo(3);
        }
    }

    private static RunningControlPlane node(TestDatabase database, String id) {
        return RunningControlPlane.on(database, Map.of("dimmer.node-id", id, "dimmer.axon.claim-timeout", "6s"),
                List.of());
    }

    private static String wave(String action) {
        return "/api/migrations/" + SLUG + "/waves/customers/" + action;
    }

    private static String owner(TestDatabase database) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT owner FROM token_entry WHERE processor_name = ? AND segment = 0")) {
            s.setString(1, RunbookExecutor.GROUP);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static long count(TestDatabase database, String type) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?")) {
            s.setString(1, SLUG);
            s.setString(2, "%." + type);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
