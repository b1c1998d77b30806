package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.OPERATOR;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No anonymous reads or writes, roles checked on every command, and a refused request stores nothing. */
class AccessTest {
    private static final String ID = "access-checked";
    private static TestDatabase database;
    private static RunningControlPlane server;

    @BeforeAll
    static void start() {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
        server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(ID));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    private static long events() {
        return Tables.count(database, "SELECT count(*) FROM domain_event_entry");
    }

    @Test
    void cannotActWithoutAToken() {
        long before = events();
        Answer answer = server.post("/api/migrations/" + ID + "/waves/customers/advance", null, Map.of("reason", "x"));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asText()).isEqualTo("unauthenticated");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void cannotReadWithoutAToken() {
        assertThat(server.get("/api/migrations", null).status()).isEqualTo(401);
        assertThat(server.get("/api/migrations/" + ID + "/audit", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void cannotAdvanceAsAViewerAndNothingButTheRefusalIsStored() {
        String refusals = "SELECT count(*) FROM domain_event_entry "
                + "WHERE payload_type = 'dev.dimmer.api.migration.CommandRefusedEvent'";
        long refusedBefore = Tables.count(database, refusals);
        long before = events();
        Answer answer = server.post("/api/migrations/" + ID + "/waves/customers/advance", VIEWER,
                Map.of("reason", "trying"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().path("detail").asText())
                .isEqualTo("Vic Viewer may not advance wave: it needs the lead role");
        assertThat(events()).isEqualTo(before + 1);
        assertThat(Tables.count(database, refusals)).isEqualTo(refusedBefore + 1);
    }

    @Test
    void cannotRegisterAPlanAsAnOperator() {
        Answer answer = server.postYaml("/api/migrations", OPERATOR, Plans.customersThenOrders("not-allowed"));
        assertThat(answer.status()).isEqualTo(403);
        assertThat(Tables.count(database,
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'not-allowed'")).isZero();
    }

    @Test
    void cannotRebuildProjectionsAsAViewer() {
        assertThat(server.post("/api/projections/rebuild", VIEWER, Map.of()).status()).isEqualTo(403);
    }

    @Test
    void canReadAsAViewer() {
        assertThat(server.get("/api/migrations", VIEWER).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswerAnInvalidPlanWith422AndEveryProblem() {
        Answer answer = server.postYaml("/api/migrations", LEAD, """
                slug: broken
                title: Broken
                waves:
                  - name: a
                    depends_on: [b]
                  - name: a
                """);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().path("code").asText()).isEqualTo("invalid-plan");
        assertThat(answer.body().path("errors").size()).isGreaterThanOrEqualTo(2);
        assertThat(answer.body().path("errors").get(0).path("line").asInt()).isPositive();
        assertThat(Tables.count(database,
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'broken'")).isZero();
    }

    @Test
    void shouldAnswerMalformedAndUnknownRequestsWithProblems() {
        Answer unknown = server.post("/api/migrations/nope/waves/customers/advance", LEAD, Map.of("reason", "x"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asText()).isEqualTo("unknown-migration");
        Answer noWave = server.post("/api/migrations/" + ID + "/waves/nope/advance", LEAD, Map.of("reason", "x"));
        assertThat(noWave.status()).isEqualTo(404);
        Answer noReason = server.post("/api/migrations/" + ID + "/waves/customers/advance", LEAD, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        Answer notJson = server.postYaml("/api/migrations/" + ID + "/waves/customers/advance", LEAD, "{not json");
        assertThat(notJson.status()).isIn(400, 415);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
    }
}
