package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "projections", description = "Jobs on the read side",
        subcommands = {ProjectionsCommand.Status.class, ProjectionsCommand.Rebuild.class})
final class ProjectionsCommand {
    @Command(name = "status", description = "How far the processors behind the views and notifications have come, "
            + "who holds their segments, and their last failure")
    static final class Status extends ClientCommand {
        @Override
        void run(ApiClient client) {
            JsonNode answer = client.get("/api/projections");
            if (options.json) {
                printJson(answer);
                return;
            }
            out().println("head of the log: position " + answer.path("head").asLong());
            TextTable table = new TextTable("PROCESSOR", "STATE", ">BEHIND", ">SEGMENT", "OWNER", ">POSITION");
            for (JsonNode p : answer.path("processors")) {
                if (p.path("segments").isEmpty()) {
                    table.row(p.path("name").asText(), p.path("state").asText(), p.path("behind").asText(), "-",
                            "-", "-");
                }
                for (JsonNode s : p.path("segments")) {
                    table.row(p.path("name").asText(), p.path("state").asText(), p.path("behind").asText(),
                            s.path("segment").asText(), s.path("owner").asText("(none)"),
                            s.path("position").isNull() ? "-" : s.path("position").asText());
                }
            }
            out().print(table.render(""));
            for (JsonNode p : answer.path("processors")) {
                JsonNode failure = p.path("last_failure");
                if (!failure.isMissingNode() && !failure.isNull()) {
                    out().printf("%s: last failure %s at position %s (%s): %s%n", p.path("name").asText(),
                            Describe.time(failure.path("at").asText()), failure.path("position").asText("?"),
                            failure.path("event_type").asText("?"), failure.path("message").asText());
                }
            }
        }
    }

    @Command(name = "rebuild", description = "Rebuild the status and audit views from the log in one transaction; "
            + "readers keep the old views until it commits")
    static final class Rebuild extends ClientCommand {
        @Override
        void run(ApiClient client) {
            JsonNode answer = client.post("/api/projections/rebuild", Map.of());
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
