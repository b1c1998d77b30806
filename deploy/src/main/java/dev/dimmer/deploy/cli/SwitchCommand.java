package dev.dimmer.deploy.cli;

import picocli.CommandLine.Command;

@Command(name = "switch", description = "Act on a routing switch", subcommands = SwitchKillCommand.class)
final class SwitchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
