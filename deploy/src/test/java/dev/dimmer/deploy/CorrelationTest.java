package dev.dimmer.deploy;

import static dev.dimmer.deploy.RunningControlPlane.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.testing.TestDatabase;
import dev.dimmer.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pipeline's run id, given as the correlation id, is on every event its commands cause. */
class CorrelationTest {
    @Test
    void shouldCarryTheCallersCorrelationIdIntoTheAuditTrail() throws IOException {
        try (TestDatabase database = TestPostgres.newDatabase();
             RunningControlPlane server = RunningControlPlane.on(database)) {
            Path plan = Files.createTempDirectory("plans").resolve("crm.yaml");
            Files.writeString(plan, Plans.customersThenOrders("correlated"));
            Map<String, String> pipeline = Map.of("DIMMER_URL", server.url(), "DIMMER_TOKEN", LEAD,
                    "DIMMER_CORRELATION_ID", "ci-run-4711");
            assertThat(CliProcess.run(pipeline, "apply", plan.toString()).exitCode()).isZero();
            assertThat(CliProcess.run(pipeline, "advance", "correlated", "customers", "--reason", "nightly")
                    .exitCode()).isZero();
            server.post("/api/migrations/correlated/waves/customers/advance", LEAD, Map.of("reason", "by hand"));

            JsonNode entries = server.get("/api/migrations/correlated/audit", LEAD).body().path("entries");
            assertThat(entries.get(0).path("correlation_id").asText()).isEqualTo("ci-run-4711");
            assertThat(entries.get(1).path("correlation_id").asText()).isEqualTo("ci-run-4711");
            assertThat(entries.get(2).path("correlation_id").asText()).isNotEqualTo("ci-run-4711").isNotBlank();
            assertThat(entries.get(2).path("correlation_id").asText())
                    .isEqualTo(entries.get(2).path("causation_id").asText());
        }
    }
}
