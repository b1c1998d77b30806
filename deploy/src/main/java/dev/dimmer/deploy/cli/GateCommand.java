package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.client.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The checklist of a wave's next transition, before anyone tries it. Exit 0 when the gate is open, 1 when not. */
@Command(name = "gate", description = "Show the checklist of a wave's next transition: each condition met or not, "
        + "with its detail (exit 0 open, 1 closed)")
final class GateCommand extends ClientCommand {
    @Parameters(index = "0", paramLabel = "MIGRATION", description = "Migration id (the plan's slug)")
    String migration;

    @Parameters(index = "1", paramLabel = "WAVE", description = "Wave name")
    String wave;

    @Override
    void run(ApiClient client) {
        JsonNode gate = client.get("/api/migrations/" + Paths.segment(migration) + "/waves/" + Paths.segment(wave)
                + "/gate");
        if (options.json) {
            printJson(gate);
        } else {
            out().print(GateText.of(gate));
        }
        exit = gate.path("open").asBoolean() ? 0 : 1;
    }
}
