package dev.dimmer.deploy.slack;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static dev.dimmer.deploy.slack.SlackPlans.BEA;
import static dev.dimmer.deploy.slack.SlackPlans.CAI;
import static dev.dimmer.deploy.slack.SlackPlans.STRANGER;
import static dev.dimmer.deploy.slack.SlackPlans.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.chatbot.ReplayGuard;
import dev.dimmer.chatbot.SlackRequestCheck;
import dev.dimmer.chatbot.SlackSettings;
import dev.dimmer.deploy.RunningControlPlane;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slash commands, buttons and the reject modal, as Slack sends them (signed) to a real control plane. */
class SlackCommandsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static TestDatabase database;
    private static FakeSlack slack;
    private static RunningControlPlane server;
    private static SignedRequests requests;

    @BeforeAll
    static void start() throws IOException {
        database = TestPostgres.newDatabase();
        slack = new FakeSlack();
        server = RunningControlPlane.on(database, Map.of("dimmer.slack.bot-token", "xoxb-test",
                "dimmer.slack.signing-secret", SlackPlans.SECRET, "dimmer.slack.api-url", slack.apiUrl()),
                SlackPlans.CONFIGURED);
        requests = new SignedRequests(server.url(), SlackPlans.SECRET, slack);
    }

    @AfterAll
    static void stop() {
        server.close();
        slack.close();
        database.close();
    }

    /** Registers a migration and brings customers to its last canary step over the API. */
    private static void atLastCanaryStep(String id) {
        assertThat(server.postYaml("/api/migrations", LEAD, SlackPlans.plan(id)).status()).isEqualTo(201);
        for (int i = 0; i < 4; i++) {
            server.post("/api/migrations/" + id + "/waves/customers/advance", LEAD, Map.of("reason", "step"));
        }
        server.await("/api/migrations/" + id, LEAD, s -> s.path("waves").get(0).path("weight").asInt() == 50);
    }

    /** Opens the go/no-go with /gonogo and answers the card's timestamp (the fake's answer to chat.postMessage). */
    private static String openGoNoGo(String id) {
        String text = "Go/no-go: cutover of customers in " + id;
        assertThat(requests.command("/gonogo", SlackPlans.LEAD, id + " customers").status()).isEqualTo(200);
        return slack.await("chat.postMessage", c -> c.stream().anyMatch(m -> m.param("text").equals(text)), PATIENCE)
                .stream().filter(m -> m.param("text").equals(text)).reduce((a, b) -> b).orElseThrow().param("_ts");
    }

    private static JsonNode audit(String id) {
        return server.get("/api/migrations/" + id + "/audit", LEAD).body().path("entries");
    }

    @Test
    void canListShowAndExplainMigrations() {
        atLastCanaryStep("slack-list");
        SignedRequests.Answer list = requests.command("/migration", VIEWER, "list");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("slack-list").contains("CANARY 50%");
        SignedRequests.Answer status = requests.command("/migration", VIEWER, "status slack-list");
        assertThat(status.body()).contains("CRM to managed PostgreSQL (slack-list)").contains("*customers* CANARY 50%");
        assertThat(requests.command("/migration", VIEWER, "help").body()).contains("/gonogo MIGRATION WAVE");
        assertThat(requests.command("/migration", STRANGER, "list").body()).contains("hold no Dimmer role");
        assertThat(requests.command("/migration", VIEWER, "status nope").body())
                .contains("there is no migration 'nope'");
    }

    @Test
    void canListTheMigrationsWhosePlanNamesMeAsOwnerWithoutARoleOfMyOwn() {
        // given a plan naming an unconfigured Slack user as an approver, and one that does not name them
        String plan = SlackPlans.plan("slack-own-list").replace("{id: U0CAI, name: Cai Approver, role: approver}",
                "{id: U0OWN, name: Oona Owner, role: approver}");
        assertThat(server.postYaml("/api/migrations", LEAD, plan).status()).isEqualTo(201);
        assertThat(server.postYaml("/api/migrations", LEAD, SlackPlans.plan("slack-own-other")).status())
                .isEqualTo(201);
        // when
        SignedRequests.Answer owner = requests.command("/migration", "U0OWN", "list");
        SignedRequests.Answer stranger = requests.command("/migration", STRANGER, "list");
        // then the owner sees their migration only, and a stranger is told, to them alone, how to get a role
        assertThat(owner.body()).contains("slack-own-list").doesNotContain("slack-own-other");
        // (an answer without response_type is Slack's default for slash commands: shown to the sender only)
        assertThat(stranger.body()).doesNotContain("in_channel").contains("hold no Dimmer role; to get one")
                .contains("member id " + STRANGER).contains("slack_users in dimmer.yml");
    }

    @Test
    void canStartAValidationRunFromSlackAsALeadButNotAsAViewer() {
        atLastCanaryStep("slack-validate");
        assertThat(requests.command("/migration", SlackPlans.LEAD, "validate slack-validate customers").body())
                .contains("Validation run run-").contains("of wave customers started: 0 check(s)");
        assertThat(requests.command("/migration", VIEWER, "validate slack-validate customers").body())
                .contains("needs the operator role");
        assertThat(requests.command("/migration", SlackPlans.LEAD, "validate slack-validate").body())
                .contains("usage: /migration validate MIGRATION WAVE");
        assertThat(requests.command("/migration", VIEWER, "help").body()).contains("/migration validate");
    }

    @Test
    void canVoteOnTheCardAndCutOverOnceTheGoNoGoPassed() {
        atLastCanaryStep("slack-cutover");
        // given a cutover refused before any go/no-go
        assertThat(requests.command("/cutover", SlackPlans.LEAD, "slack-cutover customers").body())
                .contains("wave customers has no open go/no-go");

        // when the lead opens the go/no-go and both approvers (plan owners) approve on the card
        String card = openGoNoGo("slack-cutover");
        assertThat(slack.calls("chat.postMessage").stream().filter(m -> m.param("_ts").equals(card)).findFirst()
                .orElseThrow().param("blocks")).contains("gonogo_approve").contains("Needs 2 approvers");
        assertThat(requests.click("gonogo_approve", BEA, "slack-cutover customers", card).status()).isEqualTo(200);
        slack.await("chat.update", c -> c.stream().anyMatch(u -> u.param("ts").equals(card)
                && u.param("blocks").contains("Bea Approver approve")), PATIENCE);
        requests.click("gonogo_approve", CAI, "slack-cutover customers", card);
        slack.await("chat.update", c -> c.stream().anyMatch(u -> u.param("ts").equals(card)
                && u.param("blocks").contains("Passed")), PATIENCE);

        // then the lead cuts over from Slack, the channel sees it, and the audit trail says who and through what
        SignedRequests.Answer cutover = requests.command("/cutover", SlackPlans.LEAD,
                "slack-cutover customers canary clean for 2h");
        assertThat(cutover.body()).contains("in_channel").contains("now CUTOVER");
        JsonNode last = server.await("/api/migrations/slack-cutover/audit", LEAD, t -> t.path("entries")
                .findValuesAsText("type").contains("CutoverStartedEvent")).path("entries");
        JsonNode cut = last.get(last.size() - 1);
        assertThat(cut.path("actor").asText()).isEqualTo(SlackPlans.LEAD);
        assertThat(cut.path("channel").asText()).isEqualTo("slack");
        assertThat(cut.path("reason").asText()).isEqualTo("canary clean for 2h");
        assertThat(last.findValuesAsText("actor_name")).contains("Bea Approver", "Cai Approver");

        // and a rollback needs a reason, then goes through
        assertThat(requests.command("/rollback", SlackPlans.LEAD, "slack-cutover customers").body())
                .contains("usage: /rollback MIGRATION WAVE reason");
        assertThat(requests.command("/rollback", SlackPlans.LEAD, "slack-cutover customers p99 above SLO").body())
                .contains("now SHADOW");
    }

    @Test
    void shouldKillTheWavesSwitchBeforeRollingItBack() {
        String id = "slack-kill";
        assertThat(server.postYaml("/api/migrations", LEAD, SlackPlans.plan(id).replace("canary_steps: [10, 50]",
                "canary_steps: [10, 50]\n    switch: crm-read-path")).status()).isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            server.post("/api/migrations/" + id + "/waves/customers/advance", LEAD, Map.of("reason", "step"));
        }
        server.await("/api/switches?migration=" + id, LEAD, s -> s.path("switches").path(0).path("phase").asText()
                .equals("CANARY"));

        SignedRequests.Answer rollback = requests.command("/rollback", SlackPlans.LEAD, id + " customers errors up");

        assertThat(rollback.body()).contains("in_channel").contains("switch crm-read-path killed first")
                .contains("now SHADOW");
        JsonNode trail = server.await("/api/migrations/" + id + "/audit", LEAD, t -> t.path("entries")
                .findValuesAsText("type").contains("WaveRolledBackEvent")).path("entries");
        java.util.List<String> types = trail.findValuesAsText("type");
        assertThat(types.subList(types.size() - 2, types.size()))
                .containsExactly("SwitchKilledEvent", "WaveRolledBackEvent");
        assertThat(trail.get(trail.size() - 2).path("channel").asText()).isEqualTo("slack");
        assertThat(trail.get(trail.size() - 2).path("reason").asText()).isEqualTo("errors up");
        server.await("/api/switches?migration=" + id, LEAD, s -> s.path("switches").path(0).path("reason").asText()
                .equals("DISABLED"));
    }

    @Test
    void shouldAskForAReasonBeforeARejectAndLetAVoteChange() {
        atLastCanaryStep("slack-reject");
        String card = openGoNoGo("slack-reject");
        requests.click("gonogo_approve", CAI, "slack-reject customers", card);

        // when Bea clicks Reject, a modal asks why; the reason comes back with the submission
        requests.click("gonogo_reject", BEA, "slack-reject customers", card);
        FakeSlack.Call modal = slack.await("views.open", c -> !c.isEmpty(), PATIENCE).get(0);
        assertThat(modal.param("view")).contains("gonogo_reject_reason");
        String metadata = "slack-reject customers " + FakeSlack.CHANNEL_ID + " " + card;
        assertThat(modal.param("view")).contains(metadata);
        assertThat(requests.submitReject(BEA, metadata, " ").body()).contains("say what must change");
        assertThat(requests.submitReject(BEA, metadata, "index missing on orders").status()).isEqualTo(200);
        slack.await("chat.update", c -> c.stream().anyMatch(u -> u.param("ts").equals(card)
                && u.param("blocks").contains("Bea Approver rejected it (index missing on orders)")), PATIENCE);
        assertThat(requests.command("/cutover", SlackPlans.LEAD, "slack-reject customers").body())
                .contains("Bea Approver rejected it");

        // then Bea changes her vote: it counts once, and the go/no-go passes
        requests.click("gonogo_approve", BEA, "slack-reject customers", card);
        slack.await("chat.update", c -> c.stream().anyMatch(u -> u.param("ts").equals(card)
                && u.param("blocks").contains("Passed")), PATIENCE);
        assertThat(requests.command("/cutover", SlackPlans.LEAD, "slack-reject customers").body())
                .contains("now CUTOVER");
    }

    @Test
    void cannotActWithoutTheRoleAndTheRefusalIsAudited() {
        atLastCanaryStep("slack-roles");
        // a stranger's cutover and a viewer's approval are refused, to them alone
        SignedRequests.Answer cutover = requests.command("/cutover", STRANGER, "slack-roles customers");
        assertThat(cutover.body()).contains("ephemeral").contains("may not start cutover: it needs the lead role");
        String card = openGoNoGo("slack-roles");
        requests.click("gonogo_approve", VIEWER, "slack-roles customers", card);
        FakeSlack.Call ephemeral = slack.await("chat.postEphemeral", c -> c.stream()
                .anyMatch(e -> e.param("user").equals(VIEWER)), PATIENCE).get(0);
        assertThat(ephemeral.param("text")).contains("Vic Viewer may not cast vote: it needs the approver role");

        // and both refusals are on the migration's record: who tried what
        JsonNode trail = server.await("/api/migrations/slack-roles/audit", LEAD, t -> t.path("entries")
                .findValuesAsText("type").stream().filter("CommandRefusedEvent"::equals).count() == 2)
                .path("entries");
        List<String> refused = new java.util.ArrayList<>();
        trail.forEach(e -> {
            if (e.path("type").asText().equals("CommandRefusedEvent")) {
                refused.add(e.path("actor").asText() + ": " + e.path("payload").path("attempted").asText());
                assertThat(e.path("channel").asText()).isEqualTo("slack");
            }
        });
        assertThat(refused).containsExactly(STRANGER + ": cutover customers", VIEWER + ": vote approve on customers");
    }

    @Test
    void shouldRecordARefusedTransitionFromSlackOnceAndLeaveTheBoardAsItWas() {
        assertThat(server.postYaml("/api/migrations", LEAD, SlackPlans.plan("slack-early")).status()).isEqualTo(201);
        JsonNode before = server.get("/api/migrations/slack-early", LEAD).body();

        // a lead's rollback of a PLANNED wave is refused by the domain, not for want of a role
        assertThat(requests.command("/rollback", SlackPlans.LEAD, "slack-early customers too soon").body())
                .contains("ephemeral");

        JsonNode trail = server.await("/api/migrations/slack-early/audit", LEAD, t -> t.path("entries")
                .findValuesAsText("type").contains("CommandRefusedEvent")).path("entries");
        List<JsonNode> refused = new java.util.ArrayList<>();
        trail.forEach(e -> {
            if (e.path("type").asText().equals("CommandRefusedEvent")) {
                refused.add(e);
            }
        });
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).path("actor").asText()).isEqualTo(SlackPlans.LEAD);
        assertThat(refused.get(0).path("channel").asText()).isEqualTo("slack");
        assertThat(refused.get(0).path("reason").asText()).isEqualTo("too soon");
        assertThat(refused.get(0).path("payload").path("command").asText()).isEqualTo("RollBackWave");
        JsonNode after = server.await("/api/migrations/slack-early", LEAD,
                v -> v.path("version").asLong() > before.path("version").asLong());
        assertThat(after.path("updated_by").asText()).isEqualTo(before.path("updated_by").asText());
    }

    @Test
    void shouldGiveAPlanOwnerTheSameRightsOverSlackAndHttp() {
        // given a plan naming U02VIEW, the id of the API's viewer token and of an unconfigured Slack user, as lead
        String plan = SlackPlans.plan("slack-owner").replace("{id: U0LEAD, name: Ada Lead, role: lead}",
                "{id: U02VIEW, name: Una Owner, role: lead}");
        assertThat(server.postYaml("/api/migrations", LEAD, plan).status()).isEqualTo(201);
        assertThat(server.postYaml("/api/migrations", LEAD, SlackPlans.plan("slack-not-owner")).status())
                .isEqualTo(201);

        // then both channels let the owner act as a lead on that migration, and neither on the other
        assertThat(server.post("/api/migrations/slack-owner/waves/customers/advance", RunningControlPlane.VIEWER,
                Map.of("reason", "backfill")).status()).isEqualTo(200);
        assertThat(requests.command("/rollback", "U02VIEW", "slack-owner customers not yet").body())
                .contains("wave customers is in BACKFILL");
        assertThat(server.post("/api/migrations/slack-not-owner/waves/customers/advance",
                RunningControlPlane.VIEWER, Map.of("reason", "backfill")).status()).isEqualTo(403);
        assertThat(requests.command("/rollback", "U02VIEW", "slack-not-owner customers not yet").body())
                .contains("may not roll back wave: it needs the lead role");
    }

    @Test
    void cannotMakeTheBotPostAStrangersTextOrMarkup() {
        atLastCanaryStep("slack-attack");
        String attack = "<!channel> re-auth at <https://evil.example/login|SSO>";

        // a stranger is refused to themself alone, named as Slack's directory knows them, not by user_name
        SignedRequests.Answer stranger = requests.command("/rollback", STRANGER, "slack-attack customers " + attack);
        assertThat(stranger.body()).contains("ephemeral").contains("Eve Stranger may not roll back wave")
                .doesNotContain("<!channel>").doesNotContain("u0eve");
        assertThat(slack.calls("users.info")).anyMatch(c -> c.param("user").equals(STRANGER));

        // a viewer's refusal reaches the thread, without what they typed
        requests.command("/rollback", VIEWER, "slack-attack customers " + attack);
        String refused = "Refused rollback customers (Vic Viewer may not roll back wave: it needs the lead role) "
                + "by Vic Viewer (audit #";
        slack.await("chat.postMessage", c -> c.stream().anyMatch(m -> m.param("text").startsWith(refused)), PATIENCE);

        // a lead's reason is posted, escaped, in the reply and in the thread
        SignedRequests.Answer lead = requests.command("/rollback", SlackPlans.LEAD, "slack-attack customers " + attack);
        assertThat(lead.body()).contains("in_channel").contains("(&lt;!channel&gt; re-auth at "
                + "&lt;https://evil.example/login|SSO&gt;)").doesNotContain("<https://evil");
        slack.await("chat.postMessage", c -> c.stream().anyMatch(m -> m.param("text").contains("rolled back")
                && m.param("text").contains("by Ada Lead: &lt;!channel&gt; re-auth at &lt;https://evil")), PATIENCE);

        // and nothing Slack received carries the markup or the stranger's attempt
        assertThat(slack.all()).allSatisfy(call -> assertThat(call.params().values())
                .noneMatch(v -> v.contains("<!channel>") || v.contains("<https://evil")));
        assertThat(slack.calls("chat.postMessage")).noneMatch(m -> m.param("text").contains("Eve Stranger"));
        assertThat(audit("slack-attack").findValuesAsText("actor")).contains(STRANGER);
    }

    @Test
    void shouldSlowDownSomeoneRefusedOverAndOverWithoutRecordingMore() {
        atLastCanaryStep("slack-flood");
        for (int i = 0; i < 5; i++) {
            assertThat(requests.command("/cutover", SlackPlans.FLOODER, "slack-flood customers try " + i).body())
                    .contains("Mal Flooder may not start cutover");
        }
        assertThat(requests.command("/cutover", SlackPlans.FLOODER, "slack-flood customers once more").body())
                .contains("ephemeral").contains("slow down").doesNotContain("may not");
        assertThat(requests.command("/migration", SlackPlans.FLOODER, "list").body()).contains("slow down");
        assertThat(requests.command("/gonogo", SlackPlans.FLOODER, "slack-flood customers").body())
                .contains("slow down");

        JsonNode trail = server.await("/api/migrations/slack-flood/audit", LEAD, t -> t.path("entries")
                .findValuesAsText("type").stream().filter("CommandRefusedEvent"::equals).count() >= 5)
                .path("entries");
        assertThat(trail.findValuesAsText("type").stream().filter("CommandRefusedEvent"::equals)).hasSize(5);
    }

    @Test
    void shouldRefuseAReplayForAsLongAsItsTimestampCouldBeAccepted() {
        // given the server's request check on its own clock
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        Instant[] now = {start};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        DataSource dataSource = server.plane().context().getBean(DataSource.class);
        SlackRequestCheck check = new SlackRequestCheck(new SlackSettings("xoxb-test", SlackPlans.SECRET, null, null),
                new ReplayGuard(dataSource, clock), clock);
        String body = SignedRequests.slashBody("/migration", VIEWER, "help", slack.responseUrl("cmd"));
        String ts = String.valueOf(start.getEpochSecond());
        String signature = SignedRequests.sign(SlackPlans.SECRET, ts, body);
        String ahead = String.valueOf(start.plusSeconds(5 * 60).getEpochSecond());
        String aheadSignature = SignedRequests.sign(SlackPlans.SECRET, ahead, body);

        // when requests signed now and 5 minutes ahead are taken in, then replayed
        assertThat(check.refusal(ts, body, signature)).isEmpty();
        assertThat(check.refusal(ahead, body, aheadSignature)).isEmpty();
        assertThat(check.refusal(ts, body, signature)).hasValueSatisfying(w -> assertThat(w).contains("replayed"));

        // then the one signed ahead is still refused as a replay 9 min 59 s later, while its timestamp would pass
        now[0] = start.plus(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(check.refusal(ahead, body, aheadSignature))
                .hasValueSatisfying(w -> assertThat(w).contains("replayed"));

        // and after 10 min 40 s both are outside the window, whatever the guard remembers
        now[0] = start.plus(Duration.ofMinutes(10).plusSeconds(40));
        assertThat(check.refusal(ts, body, signature)).hasValueSatisfying(w -> assertThat(w)
                .contains("640s old, outside the 5-minute window"));
        assertThat(check.refusal(ahead, body, aheadSignature)).hasValueSatisfying(w -> assertThat(w)
                .contains("outside the 5-minute window"));
        assertThat(check.refusal(String.valueOf(now[0].plusSeconds(3600).getEpochSecond()), body, signature))
                .hasValueSatisfying(w -> assertThat(w).contains("3600s in the future"));

        // and the guard forgets what can no longer be accepted, so it stays bounded
        now[0] = start.plus(Duration.ofMinutes(16));
        String fresh = String.valueOf(now[0].getEpochSecond());
        assertThat(check.refusal(fresh, body, SignedRequests.sign(SlackPlans.SECRET, fresh, body))).isEmpty();
        assertThat(seen(dataSource, signature)).isFalse();
        assertThat(seen(dataSource, aheadSignature)).isFalse();
    }

    private static boolean seen(DataSource dataSource, String signature) {
        try (var c = dataSource.getConnection();
             var s = c.prepareStatement("SELECT 1 FROM slack_request_seen WHERE signature = ?")) {
            s.setString(1, signature);
            try (var rows = s.executeQuery()) {
                return rows.next();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRefuseIdsNoPlanCouldHaveWithASentence() {
        SignedRequests.Answer status = requests.command("/migration", VIEWER, "status a\u0000b");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body()).contains("is not a migration id");
        SignedRequests.Answer cutover = requests.command("/cutover", VIEWER, "a\u0000b customers");
        assertThat(cutover.status()).isEqualTo(200);
        assertThat(cutover.body()).contains("is not a migration id").doesNotContain("\u0000");
        SignedRequests.Answer gonogo = requests.command("/gonogo", VIEWER, "no-such cust\u0000omers");
        assertThat(gonogo.status()).isEqualTo(200);
        assertThat(gonogo.body()).contains("is not a wave name");
    }

    @Test
    void shouldRefuseForgedStaleAndReplayedRequestsWith401() {
        atLastCanaryStep("slack-forged");
        int entries = audit("slack-forged").size();
        String body = SignedRequests.slashBody("/gonogo", SlackPlans.LEAD, "slack-forged customers",
                slack.responseUrl("cmd"));

        assertThat(requests.send(body, Instant.now(), false).status()).as("forged").isEqualTo(401);
        assertThat(requests.send(body, Instant.now().minusSeconds(6 * 60), true).status()).as("stale")
                .isEqualTo(401);
        assertThat(requests.send(body, Instant.now().plusSeconds(60 * 60), true).status()).as("an hour ahead")
                .isEqualTo(401);
        assertThat(requests.send(body, Instant.now().plusSeconds(6 * 60), true).status()).as("6 minutes ahead")
                .isEqualTo(401);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = SignedRequests.sign(SlackPlans.SECRET, timestamp, body);
        assertThat(requests.post(body + "&text=tampered", timestamp, signature).status()).as("tampered")
                .isEqualTo(401);
        assertThat(requests.post(body, timestamp, signature).status()).as("genuine").isEqualTo(200);
        assertThat(requests.post(body, timestamp, signature).status()).as("replayed").isEqualTo(401);

        // only the genuine request opened a go/no-go
        JsonNode trail = server.await("/api/migrations/slack-forged/audit", LEAD,
                t -> t.path("entries").size() == entries + 1).path("entries");
        assertThat(trail.findValuesAsText("type").stream().filter("GoNoGoOpenedEvent"::equals)).hasSize(1);
    }
}
