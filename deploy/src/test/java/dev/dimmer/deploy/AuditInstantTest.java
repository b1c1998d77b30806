package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.APPROVER;
import static dev.dimmer.deploy.RunningControlPlane.APPROVER_TWO;
import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.RunningControlPlane.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Any instant replayed: the board a replay up to an instant or a position gives is the board the live view showed
 * then (recorded as the migration was walked), nothing is written to the live views, and an event's explanation
 * shows what its actor saw; through the API and the CLI.
 */
class AuditInstantTest {
    private static final String ID = "crm-instant";
    private static final String BOARD = "/api/migrations/" + ID;
    private static final String WAVES = BOARD + "/waves/";
    private static final String VIEWS = "SELECT * FROM status_migration ORDER BY id";
    private static final String WAVE_ROWS = "SELECT * FROM status_wave ORDER BY migration_id, name";
    private static final String AUDIT = "SELECT * FROM audit_entry ORDER BY position";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase database;
    private static RunningControlPlane server;
    private static final List<Moment> moments = new ArrayList<>();

    /**
     * The board as {@code GET /api/migrations/{id}} printed it, each wave's gate checklist and the validation report
     * as their endpoints printed them, and when and at which position of the log.
     */
    private record Moment(JsonNode board, JsonNode gates, JsonNode report, Instant instant, long position) {
    }

    @BeforeAll
    static void walk() throws InterruptedException {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
        assertThat(server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders(ID)).status()).isEqualTo(201);
        record();
        act(LEAD, "customers/advance", Map.of("reason", "snapshot restored"), 200);
        act(LEAD, "customers/advance", Map.of("reason", "backfill verified"), 200);
        act(LEAD, "customers/advance", Map.of("reason", "shadow clean"), 200);
        act(LEAD, "customers/cutover", Map.of("reason", "too early"), 409);
        act(LEAD, "customers/weight", Map.of("reason", "half way", "weight", 50), 200);
        act(LEAD, "customers/rollback", Map.of("reason", "p99 above SLO"), 200);
        act(LEAD, "customers/advance", Map.of("reason", "index fixed"), 200);
        act(LEAD, "customers/advance", Map.of("reason", "canary clean"), 200);
        act(LEAD, "customers/gonogo", Map.of("reason", "go/no-go review"), 200);
        act(APPROVER, "customers/votes", Map.of("vote", "approve", "comment", "dashboards green"), 200);
        act(APPROVER_TWO, "customers/votes", Map.of("vote", "approve"), 200);
        act(LEAD, "customers/cutover", Map.of("reason", "go/no-go passed"), 200);
        act(LEAD, "orders/advance", Map.of("reason", "backfill"), 200);
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void shouldReplayTheBoardAsTheLiveViewShowedItAtEveryInstantAndPosition() {
        // given the live views as the walk left them
        List<List<Object>> views = Tables.rows(database, VIEWS);
        List<List<Object>> waves = Tables.rows(database, WAVE_ROWS);
        List<List<Object>> audit = Tables.rows(database, AUDIT);

        // when each recorded moment is asked for, by instant and by position, by a viewer
        for (Moment moment : moments) {
            Answer byInstant = server.get(BOARD + "?at=" + URLEncoder.encode(moment.instant().toString(),
                    StandardCharsets.UTF_8), VIEWER);
            Answer byPosition = server.get(BOARD + "?at=" + moment.position(), VIEWER);

            // then both answers are the board as it was then, with where they stand
            assertThat(byInstant.status()).as(byInstant.body().toString()).isEqualTo(200);
            assertThat(board(byInstant.body())).isEqualTo(moment.board());
            assertThat(byInstant.body().path("as_of").path("instant").asText())
                    .isEqualTo(moment.instant().toString());
            assertThat(byPosition.status()).isEqualTo(200);
            assertThat(board(byPosition.body())).isEqualTo(moment.board());
            assertThat(byPosition.body().path("as_of").path("position").asLong()).isEqualTo(moment.position());
            assertThat(byPosition.body().path("as_of").path("events").asLong()).isPositive();
        }

        // and nothing was written to the live views
        assertThat(Tables.rows(database, VIEWS)).isEqualTo(views);
        assertThat(Tables.rows(database, WAVE_ROWS)).isEqualTo(waves);
        assertThat(Tables.rows(database, AUDIT)).isEqualTo(audit);
    }

    @Test
    void shouldReplayTheGateChecklistsAndTheValidationReportAsTheirEndpointsShowedThem() {
        for (Moment moment : moments) {
            JsonNode then = server.get(BOARD + "?at=" + URLEncoder.encode(moment.instant().toString(),
                    StandardCharsets.UTF_8), VIEWER).body();
            assertThat(then.path("gates")).as("gates at %s", moment.instant()).isEqualTo(moment.gates());
            assertThat(then.path("validation_report").path("waves"))
                    .isEqualTo(moment.report().path("waves"));
        }
        // the cutover's gate was closed before the go/no-go passed, and open after
        assertThat(server.get(BOARD + "?at=" + moments.get(9).position(), VIEWER).body().path("gates").get(0)
                .path("open").asBoolean()).isFalse();
        assertThat(server.get(BOARD + "?at=" + moments.get(11).position(), VIEWER).body().path("gates").get(0)
                .path("transition").asText()).isEqualTo("cutover");
    }

    @Test
    void shouldShowTheGoNoGoOpenAtAnInstant() {
        // given the moment after the first approval
        Moment afterFirstVote = moments.get(10);

        // when the board at that moment is asked for
        JsonNode then = server.get(BOARD + "?at=" + afterFirstVote.position(), LEAD).body();

        // then the vote is open with Bea's ballot, and it is gone once the cutover used it up
        JsonNode vote = then.path("go_no_go").get(0);
        assertThat(vote.path("wave").asText()).isEqualTo("customers");
        assertThat(vote.path("ballots")).hasSize(1);
        assertThat(vote.path("ballots").get(0).path("voter_name").asText()).isEqualTo("Bea Approver");
        assertThat(vote.path("passed").asBoolean()).isFalse();
        assertThat(server.get(BOARD + "?at=" + moments.get(12).position(), LEAD).body().path("go_no_go")).isEmpty();
    }

    @Test
    void shouldExplainAVoteWithTheBallotsBeforeItAndTheWavesPhase() {
        // given the second approval's event
        String event = eventOf("VoteCastEvent", 1);

        // when it is explained
        Answer explained = server.get(BOARD + "/audit/explain?event=" + event, VIEWER);

        // then it shows the vote, who cast it, the phase of the wave and the ballot cast before it
        assertThat(explained.status()).as(explained.body().toString()).isEqualTo(200);
        JsonNode body = explained.body();
        assertThat(body.path("event").path("id").asText()).isEqualTo(event);
        assertThat(body.path("event").path("type").asText()).isEqualTo("VoteCastEvent");
        assertThat(body.path("event").path("actor_name").asText()).isEqualTo("Cai Approver");
        assertThat(body.path("event").path("channel").asText()).isEqualTo("api");
        assertThat(body.path("wave").path("phase").asText()).isEqualTo("CANARY");
        assertThat(body.path("wave").path("weight").asInt()).isEqualTo(
                moments.get(9).board().path("waves").get(0).path("weight").asInt());
        JsonNode ballots = body.path("go_no_go").path("ballots");
        assertThat(ballots).hasSize(1);
        assertThat(ballots.get(0).path("voter_name").asText()).isEqualTo("Bea Approver");
        assertThat(ballots.get(0).path("comment").asText()).isEqualTo("dashboards green");
        assertThat(board(body.path("before"))).isEqualTo(moments.get(10).board());
    }

    @Test
    void shouldExplainARefusalWithWhatItDidNotMeet() {
        // given the early cutover's refusal
        String event = eventOf("CommandRefusedEvent", 0);

        // when it is explained
        JsonNode body = server.get(BOARD + "/audit/explain?event=" + event, LEAD).body();

        // then the unmet conditions and the wave as the lead saw it are there
        assertThat(body.path("unmet")).isNotEmpty();
        body.path("unmet").forEach(u -> assertThat(u.path("sentence").asText()).isNotBlank());
        assertThat(body.path("wave").path("phase").asText()).isEqualTo("CANARY");
        assertThat(body.path("event").path("reason").asText()).isEqualTo("too early");
    }

    @Test
    void cannotReplayABadInstantAnUnknownMigrationOrEvent() {
        Answer bad = server.get(BOARD + "?at=yesterday", LEAD);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("code").asText()).isEqualTo("invalid-instant");
        assertThat(bad.body().path("detail").asText()).contains("yesterday").contains("2026-12-01T10:00:00Z");
        assertThat(server.get("/api/migrations/no-such-migration?at=5", LEAD).status()).isEqualTo(404);
        Answer before = server.get(BOARD + "?at=2000-01-01T00:00:00Z", LEAD);
        assertThat(before.status()).isEqualTo(404);
        assertThat(before.body().path("detail").asText()).contains("not registered yet");
        Answer unknown = server.get(BOARD + "/audit/explain?event=no-such-event", LEAD);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asText()).isEqualTo("unknown-event");
        assertThat(server.get(BOARD + "?at=5", null).status()).isEqualTo(401);
    }

    @Test
    void canReplayAndExplainFromTheCli() throws IOException {
        Map<String, String> viewer = Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", VIEWER,
                "DIMMER_HOME", Files.createTempDirectory("dimmer-cli-home").toString());
        Moment moment = moments.get(6);

        CliProcess.Result json = CliProcess.run(viewer, "audit", "at", ID, Long.toString(moment.position()), "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(board(JSON.readTree(json.out()))).isEqualTo(moment.board());

        CliProcess.Result table = CliProcess.run(viewer, "audit", "at", ID, moment.instant().toString());
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("as of").contains(ID).contains("customers").contains("SHADOW")
                .contains("gate customers");

        CliProcess.Result explained = CliProcess.run(viewer, "audit", "explain", ID, "--event",
                eventOf("VoteCastEvent", 1));
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        assertThat(explained.out()).contains("VoteCastEvent").contains("Cai Approver").contains("Bea Approver")
                .contains("CANARY");
        CliProcess.Result explainedJson = CliProcess.run(viewer, "audit", "explain", ID, "--event",
                eventOf("VoteCastEvent", 1), "--json");
        assertThat(JSON.readTree(explainedJson.out()).path("go_no_go").path("ballots")).hasSize(1);

        CliProcess.Result trail = CliProcess.run(viewer, "audit", ID, "--json");
        assertThat(trail.exitCode()).as(trail.err()).isZero();
        assertThat(JSON.readTree(trail.out()).path("entries")).hasSizeGreaterThan(10);

        assertThat(CliProcess.run(viewer, "audit", "at", ID, "yesterday").exitCode()).isEqualTo(2);
        assertThat(CliProcess.run(viewer, "audit", "at", "no-such-migration", "5").exitCode()).isEqualTo(1);
        assertThat(CliProcess.run(viewer, "audit", "explain", ID, "--event", "no-such-event").exitCode())
                .isEqualTo(1);
    }

    private static void act(String token, String path, Map<String, Object> body, int status)
            throws InterruptedException {
        Answer answer = server.post(WAVES + path, token, body);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(status);
        record();
    }

    /** Waits for the board to take in the migration's last event, then records what it printed, when, where. */
    private static void record() throws InterruptedException {
        long last = Tables.count(database, "SELECT max(global_index) FROM domain_event_entry WHERE "
                + "aggregate_identifier = '" + ID + "'");
        JsonNode board = server.await(BOARD, LEAD, b -> b.path("position").asLong() == last);
        com.fasterxml.jackson.databind.node.ArrayNode gates = JSON.createArrayNode();
        for (String wave : List.of("customers", "orders")) {
            gates.add(server.get(WAVES + wave + "/gate", LEAD).body());
        }
        JsonNode report = server.get(BOARD + "/validations", LEAD).body();
        moments.add(new Moment(board, gates, report, Instant.now(), last));
        // the store stamps events to the millisecond: the next one must not share this moment's
        Thread.sleep(3);
    }

    private static JsonNode board(JsonNode replayed) {
        ObjectNode copy = replayed.deepCopy();
        copy.remove("as_of");
        copy.remove("go_no_go");
        copy.remove("gates");
        copy.remove("validation_report");
        return copy;
    }

    private static String eventOf(String type, int nth) {
        List<String> ids = new ArrayList<>();
        server.get(BOARD + "/audit", LEAD).body().path("entries").forEach(e -> {
            if (e.path("type").asText().equals(type)) {
                ids.add(e.path("event_id").asText());
            }
        });
        return ids.get(nth);
    }
}
