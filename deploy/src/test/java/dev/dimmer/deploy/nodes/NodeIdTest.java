package dev.dimmer.deploy.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node's id names everything it holds in the database: its processor claims (token_entry.owner) and its Quartz
 * instance (qrtz_scheduler_state, qrtz_fired_triggers), so an operator (or a test) reads which node holds what.
 */
class NodeIdTest {
    @Test
    void shouldClaimSegmentsAndCheckInTheSchedulerUnderTheNodeId() {
        try (TestDatabase database = TestPostgres.newDatabase();
             RunningControlPlane node = RunningControlPlane.on(database, Map.of("dimmer.node-id", "blue-7"),
                     List.of())) {
            Cluster.await(Duration.ofSeconds(30), "the node's claims and check-in", () -> {
                String claims = first(database, "SELECT string_agg(DISTINCT owner, ',') FROM token_entry");
                String schedulers = first(database, "SELECT string_agg(instance_name, ',') FROM qrtz_scheduler_state");
                return "blue-7".equals(claims) && "blue-7".equals(schedulers);
            });
            assertThat(node.url()).isNotBlank();
        }
    }

    private static String first(TestDatabase database, String sql) {
        try (var c = database.connect(); var s = c.createStatement(); var row = s.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
