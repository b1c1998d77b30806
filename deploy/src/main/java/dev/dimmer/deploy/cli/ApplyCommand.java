package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.plan.PlanText;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.client.ApiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", description = "Register a plan as a migration, or revise the plan of an existing one")
final class ApplyCommand extends SendingCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "Plan file (YAML or JSON)")
    Path file;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit trail)")
    String reason;

    @Override
    void run(ApiClient client) {
        String text;
        try {
            PlanText.Decoded decoded = PlanText.decode(file.toString(), Files.readAllBytes(file));
            if (decoded.problem() != null) {
                throw new ApiException(2, decoded.problem().render(), null);
            }
            text = decoded.text();
        } catch (IOException e) {
            throw new ApiException(2, "cannot read " + file + ": " + e.getMessage(), null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Dimmer-Source", file.toString());
        if (reason != null) {
            headers.put("X-Dimmer-Reason", reason.replaceAll("[\\r\\n]+", " "));
        }
        JsonNode answer = client.postText("/api/migrations", text, "application/yaml", headers);
        noteWarning();
        if (options.json) {
            printJson(answer);
            return;
        }
        String id = answer.path("migration_id").asText();
        switch (answer.path("outcome").asText()) {
            case "REGISTERED" -> out().println("registered migration " + id);
            case "UNCHANGED" -> out().println("migration " + id + " unchanged: the plan is the same");
            default -> {
                out().println("revised migration " + id + ":");
                answer.path("changes").forEach(change -> out().println("  - " + change.asText()));
            }
        }
    }
}
