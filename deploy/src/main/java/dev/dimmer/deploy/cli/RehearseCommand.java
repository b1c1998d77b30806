package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rehearse", description = "Run the wave's rollback against the plan's rehearsal section (or prove "
        + "each step can run with --dry-run), measure it step by step, and record it")
final class RehearseCommand extends SendingCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id (the plan's slug)")
    String migration;

    @Parameters(index = "1", paramLabel = "WAVE", description = "Wave name")
    String wave;

    @Option(names = "--dry-run", description = "Use the plan's own connections and URLs: SQL runs in a transaction "
            + "that is rolled back, webhooks get X-Dimmer-Rehearsal: true")
    boolean dryRun;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit trail)")
    String reason;

    @Override
    void run(ApiClient client) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dry_run", dryRun);
        if (reason != null) {
            body.put("reason", reason);
        }
        JsonNode rehearsal = client.post("/api/migrations/" + Paths.segment(migration) + "/waves/"
                + Paths.segment(wave) + "/rehearsal", body);
        if (options.json) {
            printJson(rehearsal);
            return;
        }
        TextTable table = new TextTable(">STEP", "KIND", "RESULT", ">TOOK", "DETAIL");
        for (JsonNode step : rehearsal.path("steps")) {
            table.row(String.valueOf(step.path("step").asInt() + 1), step.path("kind").asText(),
                    step.path("succeeded").asBoolean() ? "ok" : "FAILED", step.path("duration_millis").asLong() + " ms",
                    step.path("detail").asText());
        }
        out().print(table.render(""));
        out().printf("%s of %s/%s %s in %d ms%n", rehearsal.path("dry_run").asBoolean() ? "Dry run" : "Rehearsal",
                migration, wave, rehearsal.path("succeeded").asBoolean() ? "succeeded" : "FAILED",
                rehearsal.path("total_millis").asLong());
    }
}
