package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The `dimmer` CLI against a running server: exit codes, one-line errors, and the JSON shapes scripts rely on. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase database;
    private static RunningControlPlane server;
    private static Map<String, String> lead;
    private static Path plan;

    @BeforeAll
    static void start() throws IOException {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
        lead = Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", RunningControlPlane.LEAD,
                "DIMMER_HOME", Files.createTempDirectory("dimmer-cli-home").toString());
        plan = Files.createTempDirectory("plans").resolve("crm.yaml");
        Files.writeString(plan, Plans.customersThenOrders("crm-cli"));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void canDriveAMigrationAndReadItsShapes() throws IOException {
        // given a registered plan
        CliProcess.Result applied = CliProcess.run(lead, "apply", plan.toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("registered migration crm-cli");

        // when the lead advances a wave
        CliProcess.Result advanced = CliProcess.run(lead, "advance", "crm-cli", "customers", "--reason", "backfill");
        assertThat(advanced.exitCode()).isZero();
        assertThat(advanced.out()).contains("wave customers of crm-cli is now BACKFILL");

        // then status --json and audit --json have the documented shapes, the step included
        JsonNode all = JSON.readTree(CliProcess.run(lead, "status", "--json").out());
        JsonNode wave = all.path("migrations").get(0).path("waves").get(0);
        assertThat(all.path("migrations").get(0).path("id").asText()).isEqualTo("crm-cli");
        assertThat(all.path("migrations").get(0).path("title").asText()).isEqualTo("CRM to managed PostgreSQL");
        assertThat(wave.path("name").asText()).isEqualTo("customers");
        assertThat(wave.path("phase").asText()).isEqualTo("BACKFILL");
        assertThat(wave.path("weight").asInt()).isZero();
        assertThat(wave.has("since")).isTrue();
        assertThat(wave.path("by").asText()).isEqualTo("Ada Lead");
        JsonNode one = JSON.readTree(CliProcess.run(lead, "status", "crm-cli", "--json").out());
        assertThat(one.path("id").asText()).isEqualTo("crm-cli");
        JsonNode entry = JSON.readTree(CliProcess.run(lead, "audit", "crm-cli", "--json").out()).path("entries")
                .get(1);
        for (String field : new String[]{"position", "time", "migration", "wave", "type", "actor", "channel",
                "reason", "correlation_id", "payload"}) {
            assertThat(entry.has(field)).as(field).isTrue();
        }
        assertThat(entry.path("channel").asText()).isEqualTo("cli");
        assertThat(entry.path("reason").asText()).isEqualTo("backfill");
        assertThat(CliProcess.run(lead, "status").out()).contains("customers").contains("BACKFILL");
    }

    @Test
    void cannotReadTheAuditOfAnUnknownMigration() {
        CliProcess.Result audit = CliProcess.run(lead, "audit", "no-such-migration");
        assertThat(audit.exitCode()).as(audit.err()).isEqualTo(1);
        assertThat(audit.err()).contains("no migration 'no-such-migration'");
    }

    @Test
    void shouldRebuildTheViewsForAnOperatorOnly() throws IOException {
        // given a registered plan and an operator beside the lead
        CliProcess.run(lead, "apply", plan.toString());
        Map<String, String> operator = Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", RunningControlPlane.OPERATOR,
                "DIMMER_HOME", lead.get("DIMMER_HOME"));

        // when each asks for a rebuild
        CliProcess.Result byLead = CliProcess.run(lead, "projections", "rebuild");
        CliProcess.Result byOperator = CliProcess.run(operator, "projections", "rebuild");
        CliProcess.Result asJson = CliProcess.run(operator, "projections", "rebuild", "--json");

        // then the lead is refused in one line, and the operator's rebuild says what it replayed
        assertThat(byLead.exitCode()).isEqualTo(1);
        assertThat(byLead.err().strip()).doesNotContain("\n").contains("operator");
        assertThat(byOperator.exitCode()).as(byOperator.err()).isZero();
        assertThat(byOperator.out()).containsPattern("rebuilt projections from [1-9][0-9]* events in [0-9.]+ s");
        JsonNode rebuilt = JSON.readTree(asJson.out());
        assertThat(rebuilt.path("processor").asText()).isEqualTo("projections");
        assertThat(rebuilt.path("events").asLong()).isPositive();
        assertThat(rebuilt.has("seconds")).isTrue();
    }

    @Test
    void shouldShowTheProcessorsAsATableOrJson() throws IOException {
        // given a registered plan whose events the views took in
        CliProcess.run(lead, "apply", plan.toString());

        // when anyone asks how the processors are doing
        CliProcess.Result table = CliProcess.run(lead, "projections", "status");
        JsonNode json = JSON.readTree(CliProcess.run(lead, "projections", "status", "--json").out());

        // then both name the views' processor with its state and how far behind it is
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("head of the log: position").contains("PROCESSOR").contains("projections");
        assertThat(json.path("head").asLong()).isNotNegative();
        assertThat(json.path("processors")).anySatisfy(p -> {
            assertThat(p.path("name").asText()).isEqualTo("projections");
            assertThat(p.path("state").asText()).isIn("caught-up", "catching-up");
            assertThat(p.path("segments").get(0).has("owner")).isTrue();
        });
    }

    @Test
    void shouldExitOneWithTheDomainsReasonWhenRefused() {
        CliProcess.run(lead, "apply", plan.toString());
        CliProcess.Result refused = CliProcess.run(lead, "cutover", "crm-cli", "orders", "--reason", "now");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo("error: wave orders is in PLANNED; cutover needs CANARY");
        assertThat(refused.out()).isEmpty();
    }

    @Test
    void shouldExitOneWhenTheDomainRefusesAWeight() {
        CliProcess.run(lead, "apply", plan.toString());
        CliProcess.Result refused = CliProcess.run(lead, "advance", "crm-cli", "orders", "--weight", "30",
                "--reason", "too soon");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().strip()).isEqualTo(
                "error: wave orders is in PLANNED; a weight applies only when entering or within CANARY");
    }

    @Test
    void shouldListEveryProblemOfAnInvalidPlanWithItsPlace() throws IOException {
        Path broken = plan.resolveSibling("broken.yaml");
        Files.writeString(broken, "slug: broken\ntitle: Broken\nwaves:\n  - name: a\n    depends_on: [zz]\n");
        CliProcess.Result result = CliProcess.run(lead, "apply", broken.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("problem(s) in the plan; nothing was registered")
                .contains(broken + ":5:");
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldExitTwoOnUsageConnectionAndTokenErrors() {
        assertThat(CliProcess.run(lead, "advance", "crm-cli", "customers").exitCode()).isEqualTo(2);
        CliProcess.Result offline = CliProcess.run(Map.of("DIMMER_URL", "http://127.0.0.1:9", "DIMMER_TOKEN", "x"),
                "status");
        assertThat(offline.exitCode()).isEqualTo(2);
        assertThat(offline.err()).startsWith("error: cannot reach the Dimmer server at http://127.0.0.1:9");
        CliProcess.Result badToken = CliProcess.run(Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", "wrong"),
                "status");
        assertThat(badToken.exitCode()).isEqualTo(2);
        assertThat(badToken.err()).contains("the API token is not known to this server");
    }

    @Test
    void canOpenAGoNoGoAndVoteFromTheCli() {
        CliProcess.run(lead, "apply", plan.toString());
        Map<String, String> approver = Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", RunningControlPlane.APPROVER);

        CliProcess.Result opened = CliProcess.run(lead, "gonogo", "crm-cli", "customers");
        assertThat(opened.exitCode()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("go/no-go for wave customers of crm-cli is open: it needs 2 approvers");
        CliProcess.Result rejectWithoutReason = CliProcess.run(approver, "vote", "crm-cli", "customers", "reject");
        assertThat(rejectWithoutReason.exitCode()).isEqualTo(2);
        assertThat(rejectWithoutReason.err()).contains("a reject needs a reason: add --comment");
        CliProcess.Result voted = CliProcess.run(approver, "vote", "crm-cli", "customers", "approve");
        assertThat(voted.exitCode()).as(voted.err()).isZero();
        assertThat(voted.out()).contains("your approve on wave customers of crm-cli is recorded; the go/no-go has "
                + "not passed yet: it has 1 of 2 approvals from approvers");
        assertThat(CliProcess.run(lead, "vote", "crm-cli", "customers", "approve").err())
                .contains("Ada Lead may not cast vote: it needs the approver role");
    }

    @Test
    void shouldExitOneWhenTheRoleIsMissing() {
        CliProcess.Result result = CliProcess.run(Map.of("DIMMER_URL", server.url(),
                "DIMMER_TOKEN", RunningControlPlane.VIEWER), "abort", "crm-cli", "--reason", "stop");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Vic Viewer may not abort migration: it needs the lead role");
    }
}
