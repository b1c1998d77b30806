package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operators see how far the processors have come, who holds them, and why one stands still. */
class ProcessorStatusTest {
    private static final String ID = "crm-to-managed-postgres";
    private static final String WAVES = "/api/migrations/" + ID + "/waves/";
    private TestDatabase database;
    private RunningControlPlane server;

    @BeforeEach
    void start() {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database, Map.of("dimmer.node-id", "node-a"), List.of());
        server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(ID));
        server.post(WAVES + "customers/advance", LEAD, Map.of("reason", "backfill"));
    }

    @AfterEach
    void stop() {
        server.close();
        database.close();
    }

    @Test
    void shouldShowTheViewsCaughtUpWithTheHeadOfTheLog() {
        // given the two events of the setup, taken in by the views
        long head = Tables.count(database, "SELECT max(global_index) FROM domain_event_entry");

        // when a viewer asks how the processors are doing
        JsonNode answer = server.await("/api/projections", VIEWER, a -> state(a).equals("caught-up"));

        // then the views' processor is at the head, on this node, with nothing failed
        JsonNode views = projections(answer);
        assertThat(answer.path("head").asLong()).isEqualTo(head);
        assertThat(views.path("behind").asLong()).isZero();
        assertThat(views.path("segments").get(0).path("owner").asText()).isEqualTo("node-a");
        assertThat(views.path("segments").get(0).path("position").asLong()).isEqualTo(head);
        assertThat(views.path("last_failure").isNull()).isTrue();
    }

    @Test
    void shouldShowAStalledProcessorWithItsFailureUntilItGetsPast() throws Exception {
        // given an audit table that refuses the next wave move
        execute("ALTER TABLE audit_entry ADD CONSTRAINT no_shadow CHECK (payload::text NOT LIKE '%SHADOW%') NOT VALID");

        // when the lead moves the wave on (the command itself succeeds: the log took it)
        assertThat(server.post(WAVES + "customers/advance", LEAD, Map.of("reason", "shadow")).status())
                .isEqualTo(200);

        // then the views' processor shows as stalled on that event, with what went wrong
        JsonNode stalled = projections(server.await("/api/projections", VIEWER, a -> state(a).equals("stalled")));
        assertThat(stalled.path("behind").asLong()).isPositive();
        assertThat(stalled.path("last_failure").path("event_type").asText()).isEqualTo("WaveAdvancedEvent");
        assertThat(stalled.path("last_failure").path("position").asLong())
                .isEqualTo(Tables.count(database, "SELECT max(global_index) FROM domain_event_entry"));
        assertThat(stalled.path("last_failure").path("message").asText()).contains("no_shadow");

        // and once the cause is gone it takes the event in on its next try, nothing skipped
        execute("ALTER TABLE audit_entry DROP CONSTRAINT no_shadow");
        JsonNode recovered = projections(server.await("/api/projections", VIEWER,
                a -> state(a).equals("caught-up")));
        assertThat(recovered.path("last_failure").path("message").asText()).contains("no_shadow");
        assertThat(server.get("/api/migrations/" + ID + "/audit", LEAD).body().path("entries").size()).isEqualTo(3);
    }

    private static String state(JsonNode answer) {
        return projections(answer).path("state").asText();
    }

    private static JsonNode projections(JsonNode answer) {
        for (JsonNode processor : answer.path("processors")) {
            if (processor.path("name").asText().equals("projections")) {
                return processor;
            }
        }
        throw new AssertionError("no projections processor in " + answer);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
