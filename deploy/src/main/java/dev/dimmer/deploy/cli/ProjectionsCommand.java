package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import picocli.CommandLine.Command;

@Command(name = "projections", description = "Jobs on the read side", subcommands = ProjectionsCommand.Rebuild.class)
final class ProjectionsCommand {
    @Command(name = "rebuild", description = "Empty the status and audit views and replay the whole log into them")
    static final class Rebuild extends ClientCommand {
        @Override
        void run(ApiClient client) {
            JsonNode answer = client.post("/api/projections/rebuild", java.util.Map.of());
            if (options.json) {
                printJson(answer);
                return;
            }
            long events = answer.path("events").asLong();
            double seconds = answer.path("seconds").asDouble();
            out().printf("rebuilt %s from %d events in %.2f s (%.0f events/s)%n", answer.path("processor").asText(),
                    events, seconds, seconds > 0 ? events / seconds : 0);
        }
    }
}
