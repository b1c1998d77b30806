package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.client.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "vote", description = "Vote on a wave's open go/no-go (approver); voting again changes your vote")
final class VoteCommand extends SendingCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id (the plan's slug)")
    String migration;

    @Parameters(index = "1", paramLabel = "WAVE", description = "Wave name")
    String wave;

    @Parameters(index = "2", paramLabel = "approve|reject", description = "Your vote")
    String vote;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why (required for reject)")
    String comment;

    @Override
    void run(ApiClient client) {
        if ("reject".equalsIgnoreCase(vote.strip()) && (comment == null || comment.isBlank())) {
            throw new ApiException(2, "a reject needs a reason: add --comment \"what must change before cutover\"",
                    null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vote", vote);
        body.put("comment", comment == null ? "" : comment);
        JsonNode answer = client.post("/api/migrations/" + Paths.segment(migration) + "/waves/"
                + Paths.segment(wave) + "/votes", body);
        noteWarning();
        if (options.json) {
            printJson(answer);
        } else {
            StringBuilder missing = new StringBuilder();
            answer.path("missing").forEach(m -> missing.append(missing.length() == 0 ? "" : "; ").append(m.asText()));
            out().println("your " + vote.strip().toLowerCase(java.util.Locale.ROOT) + " on wave " + wave + " of "
                    + migration + " is recorded; the go/no-go " + (answer.path("passed").asBoolean()
                    ? "has passed" : "has not passed yet: " + missing));
        }
    }
}
