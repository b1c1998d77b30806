package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** State survives a restart, and rebuilding the views from the log gives the same rows. */
class DurabilityTest {
    private static final String ID = "warehouse-to-lakehouse";
    private static final String VIEWS = "SELECT * FROM status_migration ORDER BY id";
    private static final String WAVES = "SELECT * FROM status_wave ORDER BY migration_id, name";
    private static final String AUDIT = "SELECT * FROM audit_entry ORDER BY position";
    private TestDatabase database;
    private RunningControlPlane server;

    @BeforeEach
    void start() {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
        server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(ID));
        for (String reason : List.of("backfill", "shadow", "canary", "half")) {
            server.post("/api/migrations/" + ID + "/waves/customers/advance", LEAD, Map.of("reason", reason));
        }
        server.post("/api/migrations/" + ID + "/waves/customers/rollback", LEAD, Map.of("reason", "errors"));
        server.post("/api/migrations/" + ID + "/waves/orders/advance", LEAD, Map.of("reason", "backfill"));
        server.await("/api/migrations/" + ID + "/audit", LEAD, t -> t.path("entries").size() == 7);
    }

    @AfterEach
    void stop() {
        server.close();
        database.close();
    }

    @Test
    void shouldKeepStateAndViewsAcrossARestart() {
        // given the views before a restart
        List<List<Object>> views = Tables.rows(database, VIEWS);
        List<List<Object>> audit = Tables.rows(database, AUDIT);

        // when the server stops and starts again on the same database
        server.stop();
        server.start();

        // then the views are intact and the migration takes commands from where it was
        assertThat(Tables.rows(database, VIEWS)).isEqualTo(views);
        assertThat(Tables.rows(database, AUDIT)).isEqualTo(audit);
        var answer = server.post("/api/migrations/" + ID + "/waves/customers/advance", LEAD,
                Map.of("reason", "retry canary"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("phase").asText()).isEqualTo("CANARY");
        JsonNode trail = server.await("/api/migrations/" + ID + "/audit", LEAD,
                t -> t.path("entries").size() == 8).path("entries");
        assertThat(trail.get(7).path("reason").asText()).isEqualTo("retry canary");
    }

    @Test
    void shouldRebuildIdenticalViewsFromTheLog() {
        // given the views as the live projection built them
        List<List<Object>> views = Tables.rows(database, VIEWS);
        List<List<Object>> waves = Tables.rows(database, WAVES);
        List<List<Object>> audit = Tables.rows(database, AUDIT);

        // when an operator rebuilds them
        var rebuilt = server.post("/api/projections/rebuild", OPERATOR, Map.of());

        // then every row is the same again
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.body().path("events").asLong()).isEqualTo(7);
        assertThat(Tables.rows(database, VIEWS)).isEqualTo(views);
        assertThat(Tables.rows(database, WAVES)).isEqualTo(waves);
        assertThat(Tables.rows(database, AUDIT)).isEqualTo(audit);
    }
}
