package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "abort", description = "End a migration for good; it takes no further commands")
final class AbortCommand extends SendingCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id")
    String migration;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit trail)")
    String reason;

    @Override
    void run(ApiClient client) {
        JsonNode answer = client.post("/api/migrations/" + Paths.segment(migration) + "/abort",
                Map.of("reason", reason));
        noteWarning();
        if (options.json) {
            printJson(answer);
        } else {
            out().println("migration " + migration + " is aborted");
        }
    }
}
