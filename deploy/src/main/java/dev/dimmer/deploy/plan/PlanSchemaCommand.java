package dev.dimmer.deploy.plan;

import dev.dimmer.plan.PlanSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dimmer plan schema}: prints the plan JSON Schema for editors and other tools. */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Print the JSON Schema of plan files.")
public final class PlanSchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(PlanSchema.document());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
