package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "kill", description = "Send every consumer of a switch to the source at once (recorded as an "
        + "event); the switch stays on source until its wave next moves forward")
final class SwitchKillCommand extends SendingCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id (the plan's slug)")
    String migration;

    @Parameters(index = "1", paramLabel = "SWITCH", description = "Switch name, as the plan's wave names it")
    String routingSwitch;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit trail)")
    String reason;

    @Override
    void run(ApiClient client) {
        JsonNode state = client.post("/api/migrations/" + Paths.segment(migration) + "/switches/"
                + Paths.segment(routingSwitch) + "/kill", Map.of("reason", reason));
        noteWarning();
        if (options.json) {
            printJson(state);
            return;
        }
        out().println("switch " + routingSwitch + " serves source to every consumer; " + Describe.wave(state)
                + " (the switch comes back when the wave next moves forward)");
    }
}
