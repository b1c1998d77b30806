package dev.dimmer.deploy.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How the command tree answers a person at the keyboard: {@code --help} works on every command and group, and a
 * mistake on the command line is one line that names the option and points at {@code --help}, not a usage block.
 */
final class UsageAnswers {
    private UsageAnswers() {
    }

    static void apply(CommandLine line) {
        CommandSpec spec = line.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.mixinStandardHelpOptions(true);
        }
        line.setParameterExceptionHandler(UsageAnswers::oneLine);
        line.getSubcommands().values().forEach(UsageAnswers::apply);
    }

    private static int oneLine(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        String problem = e.getMessage();
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            String label = option.paramLabel() == null || option.arity().max == 0 ? "" : " " + option.paramLabel();
            String why = option.description().length == 0 ? "" : " (" + option.description()[0] + ")";
            problem = "missing " + option.longestName() + label + why;
        }
        err.println(name + ": " + problem + "; see " + name + " --help");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
