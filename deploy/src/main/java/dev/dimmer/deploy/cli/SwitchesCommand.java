package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "switches", description = "Show the routing switches consumers read: what each serves, why, for "
        + "which wave")
final class SwitchesCommand extends ClientCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MIGRATION", description = "Only this migration's")
    String migration;

    @Override
    void run(ApiClient client) {
        JsonNode answer = client.get("/api/switches" + (migration == null ? ""
                : "?migration=" + Paths.segment(migration)));
        if (options.json) {
            printJson(answer);
            return;
        }
        if (answer.path("switches").isEmpty()) {
            out().println(migration == null ? "no routing switches yet; name one per wave in the plan "
                    + "(switch: orders-read-path)" : "migration " + migration + " names no routing switch");
            return;
        }
        TextTable table = new TextTable("SWITCH", "SERVES", "REASON", "MIGRATION", "WAVE", "PHASE", ">WEIGHT",
                "SINCE");
        for (JsonNode s : answer.path("switches")) {
            String serves = s.path("serves").asText();
            table.row(s.path("key").asText(), serves.equals("split") ? "target for " + s.path("weight").asInt()
                            + "% of keys" : serves, s.path("reason").asText(), s.path("migration").asText(),
                    s.path("wave").asText(), s.path("phase").asText(), s.path("weight").asInt() + "%",
                    Describe.time(s.path("since").asText()));
        }
        out().print(table.render(""));
    }
}
