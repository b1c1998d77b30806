package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "at", description = "Show a migration as it was at an instant or a log position, replayed from its "
        + "events: the status board, the go/no-go votes open then, the gate checklists and the validation report")
final class AuditAtCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id")
    String migration;

    @Parameters(index = "1", paramLabel = "INSTANT|POSITION",
            description = "An instant with its offset (2026-12-01T10:00:00Z) or a position of the log (1234)")
    String at;

    @Override
    void run(ApiClient client) {
        JsonNode answer = client.get("/api/migrations/" + Paths.segment(migration) + "?at="
                + URLEncoder.encode(at, StandardCharsets.UTF_8));
        if (options.json) {
            printJson(answer);
            return;
        }
        JsonNode asOf = answer.path("as_of");
        out().println("as of " + (asOf.has("instant") ? Describe.time(asOf.path("instant").asText())
                : "position " + asOf.path("position").asText()) + " (" + asOf.path("events").asLong()
                + " events replayed)");
        StatusCommand.print(out(), answer);
        for (JsonNode vote : answer.path("go_no_go")) {
            out().println("  go/no-go on " + vote.path("wave").asText() + " open since "
                    + Describe.time(vote.path("opened_at").asText()) + ": " + vote.path("approvals").asInt()
                    + " approvals, " + vote.path("rejections").asInt() + " rejections, "
                    + (vote.path("passed").asBoolean() ? "passed" : "not passed"));
        }
        for (JsonNode wave : answer.path("validation_report").path("waves")) {
            if (!wave.path("validations").isEmpty()) {
                StringBuilder line = new StringBuilder("  evidence " + wave.path("name").asText() + ":");
                wave.path("validations").forEach(v -> line.append(' ').append(ReportText.mark(v.path("status")
                        .asText())).append(v.path("name").asText()));
                out().println(line);
            }
        }
        for (JsonNode gate : answer.path("gates")) {
            out().println("  gate " + gate.path("wave").asText() + " (" + gate.path("phase").asText() + " -> "
                    + gate.path("transition").asText() + "): " + (gate.path("open").asBoolean() ? "open" : "closed"));
            for (JsonNode condition : gate.path("conditions")) {
                out().println("    " + (condition.path("met").asBoolean() ? "[x] " : "[ ] ")
                        + condition.path("kind").asText() + " " + condition.path("name").asText() + ": "
                        + condition.path("detail").asText());
            }
        }
    }
}
