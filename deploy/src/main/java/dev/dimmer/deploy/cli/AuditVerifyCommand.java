package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.client.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "verify", description = "Recompute every event's leaf and check the signed checkpoints; "
        + "exit 0 intact, 1 tampered (the first position and kind are named), 2 unreadable")
final class AuditVerifyCommand extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MIGRATION", description = "Only this migration's events")
    String migration;

    @Override
    void run(ApiClient client) {
        JsonNode report = client.get("/api/audit/verify" + (migration == null ? "" : "?migration=" + Paths.segment(migration)));
        if (options.json) {
            printJson(report);
        } else {
            out().printf("%d events, %d checkpoints: %s%n", report.path("events").asLong(),
                    report.path("checkpoints").asLong(), report.path("intact").asBoolean() ? "intact" : "TAMPERED");
            report.path("problems").forEach(p -> out().printf("  position %-8s leaf %-8s %-10s %s%n",
                    p.path("position").asLong(), p.path("leaf").asLong(), p.path("kind").asText(), p.path("detail").asText()));
        }
        if (!report.path("intact").asBoolean()) {
            JsonNode first = report.path("problems").path(0);
            throw new ApiException(1, "the audit log was tampered with: " + first.path("kind").asText()
                    + " at position " + first.path("position").asLong(), null);
        }
    }
}
