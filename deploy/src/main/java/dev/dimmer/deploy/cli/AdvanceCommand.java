package dev.dimmer.deploy.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "advance", description = "Move a wave one step forward (within CANARY: to the next weight step)")
final class AdvanceCommand extends WaveActionCommand {
    @Option(names = "--weight", paramLabel = "N", description = "Canary weight in percent (default: the plan's next step)")
    Integer weight;

    @Override
    String action() {
        return "advance";
    }

    @Override
    Map<String, Object> body() {
        Map<String, Object> body = super.body();
        if (weight != null) {
            body.put("weight", weight);
        }
        return body;
    }
}
