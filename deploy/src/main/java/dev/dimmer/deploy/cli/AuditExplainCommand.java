package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "explain", description = "Tell what the actor of an event saw when they acted: the wave's phase "
        + "and weight, the go/no-go ballots already cast, what a refused command did not meet")
final class AuditExplainCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id")
    String migration;

    @Option(names = "--event", required = true, paramLabel = "ID",
            description = "The event's id (EVENT column of dimmer audit --json: event_id)")
    String event;

    @Override
    void run(ApiClient client) {
        JsonNode answer = client.get("/api/migrations/" + Paths.segment(migration) + "/audit/explain?event="
                + URLEncoder.encode(event, StandardCharsets.UTF_8));
        if (options.json) {
            printJson(answer);
            return;
        }
        JsonNode e = answer.path("event");
        out().println(e.path("type").asText() + " at " + Describe.time(e.path("at").asText()) + " (position "
                + e.path("position").asLong() + ", version " + e.path("version").asLong() + ")");
        out().println("  by " + e.path("actor_name").asText("?") + " through " + e.path("channel").asText("?")
                + (e.path("reason").isTextual() ? "; reason: " + e.path("reason").asText() : ""));
        JsonNode wave = answer.path("wave");
        if (wave.isObject()) {
            out().println("  wave " + wave.path("name").asText() + " was "
                    + Describe.phase(wave.path("phase").asText(), wave.path("weight").asInt()) + " since "
                    + Describe.time(wave.path("since").asText()) + " by " + wave.path("by").asText());
        }
        JsonNode vote = answer.path("go_no_go");
        if (vote.isObject()) {
            out().println("  go/no-go open since " + Describe.time(vote.path("opened_at").asText()) + ", ballots "
                    + "already cast: " + vote.path("ballots").size());
            TextTable ballots = new TextTable("VOTER", "VOTE", "AT", "COMMENT");
            for (JsonNode b : vote.path("ballots")) {
                ballots.row(b.path("voter_name").asText(), b.path("vote").asText(),
                        Describe.time(b.path("at").asText()), b.path("comment").asText());
            }
            out().print(ballots.render("    "));
        }
        for (JsonNode unmet : answer.path("unmet")) {
            out().println("  unmet: " + unmet.path("sentence").asText() + " (" + unmet.path("code").asText() + ")");
        }
        if (!answer.path("before").isObject()) {
            out().println("  before it: nothing (it registered the migration)");
        }
    }
}
