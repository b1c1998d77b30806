package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A long-lived migration is loaded from a snapshot plus newer events, and decides exactly as from the whole log. */
class SnapshotTest {
    private static final String ID = "long-lived";

    @Test
    void shouldDecideFromASnapshotAfterARestart() {
        try (TestDatabase database = TestPostgres.newDatabase(); RunningControlPlane server =
                RunningControlPlane.on(database)) {
            // given a migration whose wave went in and out of canary many times: well past the snapshot threshold
            server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(ID));
            advance(server, "backfill");
            advance(server, "shadow");
            for (int i = 0; i < 15; i++) {
                advance(server, "canary " + i);
                assertThat(server.post("/api/migrations/" + ID + "/waves/customers/rollback", LEAD,
                        Map.of("reason", "dim " + i)).status()).isEqualTo(200);
            }
            assertThat(Tables.count(database, "SELECT count(*) FROM snapshot_event_entry WHERE "
                    + "aggregate_identifier = '" + ID + "'")).isPositive();

            // when the server restarts and the aggregate is loaded from its snapshot
            server.stop();
            server.start();

            // then it knows the wave is in SHADOW: canary is next, rollback is refused
            var refused = server.post("/api/migrations/" + ID + "/waves/customers/rollback", LEAD,
                    Map.of("reason", "again"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().path("detail").asText()).startsWith("wave customers is in SHADOW");
            var next = server.post("/api/migrations/" + ID + "/waves/customers/advance", LEAD,
                    Map.of("reason", "canary again"));
            assertThat(next.body().path("phase").asText()).isEqualTo("CANARY");
            assertThat(next.body().path("weight").asInt()).isEqualTo(10);
            // the refused rollback is in the log too, as a refusal
            assertThat(Tables.count(database, "SELECT count(*) FROM domain_event_entry WHERE "
                    + "aggregate_identifier = '" + ID + "'")).isEqualTo(35);
        }
    }

    private static void advance(RunningControlPlane server, String reason) {
        assertThat(server.post("/api/migrations/" + ID + "/waves/customers/advance", LEAD,
                Map.of("reason", reason)).status()).isEqualTo(200);
    }
}
