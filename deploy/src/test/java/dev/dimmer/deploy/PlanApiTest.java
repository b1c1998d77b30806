package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dimmer.deploy.RunningControlPlane.Answer;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registering and revising plans over HTTP, as YAML or JSON, with revisions summarised and history protected. */
class PlanApiTest {
    @Test
    void canRegisterAsJsonThenReviseAndBeRefusedWhenHistoryWouldChange() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase();
             RunningControlPlane server = RunningControlPlane.on(database)) {
            // given a plan sent as JSON
            Object plan = new ObjectMapper(new YAMLFactory()).readValue(Plans.customersThenOrders("json-plan"),
                    Object.class);
            Answer registered = server.post("/api/migrations", LEAD, plan);
            assertThat(registered.status()).isEqualTo(201);

            // when the same plan comes again, nothing is recorded
            Answer unchanged = server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders("json-plan"));
            assertThat(unchanged.status()).isEqualTo(200);
            assertThat(unchanged.body().path("outcome").asText()).isEqualTo("UNCHANGED");

            // when a wave is added, the revision says so
            String revised = Plans.customersThenOrders("json-plan") + """
                      - name: billing
                        depends_on: [orders]
                    """;
            Answer revision = server.postYaml("/api/migrations", LEAD, revised);
            assertThat(revision.status()).isEqualTo(200);
            assertThat(revision.body().path("outcome").asText()).isEqualTo("REVISED");
            assertThat(revision.body().path("changes").get(0).asText()).isEqualTo("wave billing added");

            // then removing a wave that consumers already read from is refused: the log holds the refusal only
            for (int i = 0; i < 3; i++) {
                server.post("/api/migrations/json-plan/waves/billing/advance", LEAD, Map.of("reason", "step"));
            }
            long before = Tables.count(database, "SELECT count(*) FROM domain_event_entry");
            Answer refused = server.postYaml("/api/migrations", LEAD, Plans.customersThenOrders("json-plan"));
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().path("code").asText()).isEqualTo("plan-conflict");
            assertThat(refused.body().path("detail").asText()).isEqualTo("wave billing is in CANARY at 10%; a wave "
                    + "past SHADOW cannot be removed from the plan (roll it back first, or keep it)");
            assertThat(Tables.count(database, "SELECT count(*) FROM domain_event_entry")).isEqualTo(before + 1);
            assertThat(Tables.count(database, "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                    + "'%CommandRefusedEvent'")).isEqualTo(1);
        }
    }

    @Test
    void cannotRegisterAPlanThatIsNotUtf8AndSaysAtWhichByte() throws Exception {
        try (TestDatabase database = TestPostgres.newDatabase();
             RunningControlPlane server = RunningControlPlane.on(database)) {
            // given a plan with a Latin-1 byte in its title
            byte[] text = Plans.customersThenOrders("latin-1").getBytes(StandardCharsets.UTF_8);
            byte[] broken = new byte[text.length + 1];
            int at = "slug: latin-1\n".length();
            System.arraycopy(text, 0, broken, 0, at);
            broken[at] = (byte) 0xE9;
            System.arraycopy(text, at, broken, at + 1, text.length - at);
            // when
            Answer refused = server.postYaml("/api/migrations", LEAD, broken);
            // then
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().toString()).contains("invalid UTF-8 at byte " + at + " (line 2, column 1): 0xE9");
            assertThat(Tables.count(database, "SELECT count(*) FROM domain_event_entry")).isZero();
        }
    }
}
