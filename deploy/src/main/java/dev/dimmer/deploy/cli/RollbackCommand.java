package dev.dimmer.deploy.cli;

import picocli.CommandLine.Command;

@Command(name = "rollback", description = "Return a wave to SHADOW: no reads on the target")
final class RollbackCommand extends WaveActionCommand {
    @Override
    String action() {
        return "rollback";
    }
}
