package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.io.PrintWriter;
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
            print(out(), answer);
            printEvidence(client);
            return;
        }
        if (answer.path("migrations").isEmpty()) {
            out().println("no migrations yet; register one with: dimmer apply PLAN.yaml");
        }
        answer.path("migrations").forEach(m -> print(out(), m));
    }

    /** Each wave's validations with their latest results, when the plan has any. */
    private void printEvidence(ApiClient client) {
        JsonNode report = client.get("/api/migrations/" + Paths.segment(migration) + "/validations");
        for (JsonNode wave : report.path("waves")) {
            if (wave.path("validations").isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder("  evidence " + wave.path("name").asText() + ":");
            for (JsonNode v : wave.path("validations")) {
                line.append(' ').append(ReportText.mark(v.path("status").asText())).append(v.path("name").asText());
            }
            out().println(line);
        }
    }

    /** One migration's line and its waves' table, as {@code dimmer status MIGRATION} prints them. */
    static void print(PrintWriter out, JsonNode m) {
        out.println(m.path("id").asText() + "  " + m.path("title").asText() + "  (" + m.path("state").asText()
                + ")");
        TextTable table = new TextTable("WAVE", "PHASE", ">WEIGHT", "SINCE", "BY");
        for (JsonNode w : m.path("waves")) {
            table.row(w.path("name").asText(), w.path("phase").asText(), w.path("weight").asInt() + "%",
                    Describe.time(w.path("since").asText()), w.path("by").asText());
        }
        out.print(table.render("  "));
        for (JsonNode w : m.path("waves")) {
            JsonNode runbook = w.path("runbook");
            if (runbook.isObject()) {
                printRunbook(out, w.path("name").asText(), runbook);
            }
        }
    }

    /** A wave's latest runbook, step by step: what ran, how long it took, what it did or why it failed. */
    static void printRunbook(PrintWriter out, String wave, JsonNode runbook) {
        String state = runbook.path("state").asText();
        out.println("  " + runbook.path("purpose").asText() + " runbook of " + wave + ": " + state
                + (runbook.path("total_millis").isNumber() ? " in " + runbook.path("total_millis").asLong() + " ms" : "")
                + ("stalled".equals(state) ? " (resume with dimmer rollback retry MIGRATION " + wave
                + " --reason TEXT)" : ""));
        TextTable steps = new TextTable(">STEP", "KIND", "STATE", ">TOOK", "DETAIL");
        for (JsonNode step : runbook.path("steps")) {
            steps.row(step.path("step").asInt() + 1, step.path("kind").asText(), step.path("state").asText(),
                    step.path("duration_millis").isNumber() ? step.path("duration_millis").asLong() + " ms" : "",
                    step.path("detail").asText(""));
        }
        out.print(steps.render("    "));
    }
}
