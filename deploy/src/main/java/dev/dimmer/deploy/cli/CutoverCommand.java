package dev.dimmer.deploy.cli;

import picocli.CommandLine.Command;

@Command(name = "cutover", description = "Send all of a wave's reads to the target (from its last canary step)")
final class CutoverCommand extends WaveActionCommand {
    @Override
    String action() {
        return "cutover";
    }
}
