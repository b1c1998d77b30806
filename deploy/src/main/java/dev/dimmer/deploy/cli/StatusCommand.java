package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "Show migrations and their waves: phase, weight, since when, by whom")
final class StatusCommand extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MIGRATION", description = "Only this migration")
    String migration;

    @Override
    void run(ApiClient client) {
        JsonNode answer = migration == null ? client.get("/api/migrations")
                : client.get("/api/migrations/" + Paths.segment(migration));
        if (options.json) {
            printJson(answer);
            return;
        }
        if (migration != null) {
            print(answer);
            return;
        }
        if (answer.path("migrations").isEmpty()) {
            out().println("no migrations yet; register one with: dimmer apply PLAN.yaml");
        }
        answer.path("migrations").forEach(this::print);
    }

    private void print(JsonNode m) {
        out().println(m.path("id").asText() + "  " + m.path("title").asText() + "  (" + m.path("state").asText()
                + ")");
        TextTable table = new TextTable("WAVE", "PHASE", ">WEIGHT", "SINCE", "BY");
        for (JsonNode w : m.path("waves")) {
            table.row(w.path("name").asText(), w.path("phase").asText(), w.path("weight").asInt() + "%",
                    Describe.time(w.path("since").asText()), w.path("by").asText());
        }
        out().print(table.render("  "));
    }
}
