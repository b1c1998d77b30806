package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A command on one wave: names the migration and wave, says why, and prints where the wave stands after it. */
abstract class WaveActionCommand extends SendingCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id (the plan's slug)")
    String migration;

    @Parameters(index = "1", paramLabel = "WAVE", description = "Wave name")
    String wave;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit trail)")
    String reason;

    abstract String action();

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        return body;
    }

    /** Puts the time rules a lead sets aside into the body, when there are any. */
    static Map<String, Object> overriding(Map<String, Object> body, java.util.List<String> overrides) {
        if (!overrides.isEmpty()) {
            body.put("override", overrides);
        }
        return body;
    }

    @Override
    void run(ApiClient client) {
        JsonNode state = client.post("/api/migrations/" + Paths.segment(migration) + "/waves/"
                + Paths.segment(wave) + "/" + action(), body());
        noteWarning();
        if (options.json) {
            printJson(state);
            return;
        }
        out().println(Describe.wave(state));
    }
}
