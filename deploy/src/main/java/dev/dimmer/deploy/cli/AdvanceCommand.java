package dev.dimmer.deploy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "advance", description = "Move a wave one step forward (within CANARY: to the next weight step)")
final class AdvanceCommand extends WaveActionCommand {
    @Option(names = "--weight", paramLabel = "N", description = "Canary weight in percent (default: the plan's next step)")
    Integer weight;

    @Option(names = "--override-hold", description = "Lead only: move although the shadow or canary hold has not "
            + "run its time (audited with --reason)")
    boolean overrideHold;

    @Option(names = "--override-stabilization", description = "Lead only: decommission although the stabilization "
            + "period is not over (audited with --reason)")
    boolean overrideStabilization;

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
        List<String> overrides = new ArrayList<>();
        if (overrideHold) {
            overrides.add("hold");
        }
        if (overrideStabilization) {
            overrides.add("stabilization");
        }
        return overriding(body, overrides);
    }
}
