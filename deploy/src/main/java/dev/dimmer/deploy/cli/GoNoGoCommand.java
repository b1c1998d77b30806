package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "gonogo", description = "Open the go/no-go vote that a wave's cutover needs (lead)")
final class GoNoGoCommand extends SendingCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id (the plan's slug)")
    String migration;

    @Parameters(index = "1", paramLabel = "WAVE", description = "Wave name")
    String wave;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the audit trail)")
    String reason;

    @Override
    void run(ApiClient client) {
        JsonNode answer = client.post("/api/migrations/" + Paths.segment(migration) + "/waves/"
                + Paths.segment(wave) + "/gonogo", Map.of("reason", reason == null ? "go/no-go opened" : reason));
        noteWarning();
        if (options.json) {
            printJson(answer);
        } else {
            out().println("go/no-go for wave " + wave + " of " + migration + " is open: it needs "
                    + answer.path("quorum").asText() + ", no rejection, ballots count for "
                    + answer.path("expiry").asText() + "; vote with dimmer vote " + migration + " " + wave
                    + " approve|reject");
        }
    }
}
