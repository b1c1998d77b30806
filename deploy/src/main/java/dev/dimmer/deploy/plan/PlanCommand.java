package dev.dimmer.deploy.plan;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dimmer plan}: local commands on plan files that need no server. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Check, render and compare migration plan files (no server needed).",
        subcommands = {PlanLintCommand.class, PlanRenderCommand.class, PlanDiffCommand.class, PlanSchemaCommand.class})
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
