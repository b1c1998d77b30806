package dev.dimmer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code dimmer switches} and {@code dimmer switch kill}, run as a user would. */
class SwitchCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "crm-switch-cli";
    private static TestDatabase database;
    private static RunningControlPlane server;
    private static Map<String, String> lead;

    @BeforeAll
    static void start() throws IOException {
        database = TestPostgres.newDatabase();
        server = RunningControlPlane.on(database);
        lead = Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", RunningControlPlane.LEAD,
                "DIMMER_HOME", Files.createTempDirectory("dimmer-cli-home").toString());
        server.postYaml("/api/migrations", RunningControlPlane.LEAD, Plans.switched(ID));
        for (String reason : new String[]{"restored", "backfilled", "shadow clean"}) {
            server.post("/api/migrations/" + ID + "/waves/customers/advance", RunningControlPlane.LEAD,
                    Map.of("reason", reason));
        }
        server.await("/api/switches?migration=" + ID, RunningControlPlane.LEAD,
                body -> body.path("switches").get(0).path("phase").asText().equals("CANARY"));
    }

    @AfterAll
    static void stop() {
        server.close();
        database.close();
    }

    @Test
    void canListTheSwitchesAndKillOne() throws IOException {
        CliProcess.Result table = CliProcess.run(lead, "switches", ID);
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("SWITCH", "customers-read-path", "target for 10% of keys", "SPLIT",
                "orders-read-path");

        CliProcess.Result killed = CliProcess.run(lead, "switch", "kill", ID, "customers-read-path", "--reason",
                "errors on the new path");
        assertThat(killed.exitCode()).as(killed.err()).isZero();
        assertThat(killed.out()).contains("switch customers-read-path serves source to every consumer");

        JsonNode after = server.await("/api/switches?migration=" + ID, RunningControlPlane.LEAD,
                body -> body.path("switches").get(0).path("killed").asBoolean());
        assertThat(after.path("switches").get(0).path("reason").asText()).isEqualTo("DISABLED");
        JsonNode json = JSON.readTree(CliProcess.run(lead, "switches", "--json").out());
        assertThat(json.path("switches").get(0).path("serves").asText()).isEqualTo("source");
        assertThat(json.path("switches").get(0).path("log_position").asLong()).isPositive();
    }

    @Test
    void cannotKillASwitchNoWaveNames() {
        CliProcess.Result refused = CliProcess.run(lead, "switch", "kill", ID, "nope-read", "--reason", "x");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("no wave of migration crm-switch-cli routes with switch 'nope-read'");
    }
}
