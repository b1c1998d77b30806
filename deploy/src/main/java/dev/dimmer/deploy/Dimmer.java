package dev.dimmer.deploy;

import dev.dimmer.deploy.cli.Commands;
import picocli.CommandLine;

/** The {@code dimmer} executable: CLI and server. */
public final class Dimmer {
    private Dimmer() {
    }

    public static void main(String[] args) {
        System.exit(Commands.commandLine().execute(args));
    }
}
