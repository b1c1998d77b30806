package dev.dimmer.deploy.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "cutover", description = "Send all of a wave's reads to the target (from its last canary step)")
final class CutoverCommand extends WaveActionCommand {
    @Option(names = "--override-window", description = "Lead only: cut over outside the plan's cutover window or "
            + "inside a freeze (audited with --reason)")
    boolean overrideWindow;

    @Override
    String action() {
        return "cutover";
    }

    @Override
    Map<String, Object> body() {
        return overriding(super.body(), overrideWindow ? List.of("window") : List.of());
    }
}
