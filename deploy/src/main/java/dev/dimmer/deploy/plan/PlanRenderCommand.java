package dev.dimmer.deploy.plan;

import dev.dimmer.plan.LoadedPlan;
import dev.dimmer.plan.PlanProblem;
import dev.dimmer.deploy.client.ApiClient;
import dev.dimmer.deploy.client.ApiException;
import dev.dimmer.deploy.config.DimmerHome;
import dev.dimmer.plan.render.RecordedEvidence;
import dev.dimmer.plan.render.RunbookRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dimmer plan render FILE --format md|html}: the runbook a lead runs the cutover from. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a plan as a cutover runbook.",
        footer = {"", "Exit status: 0 rendered, 1 invalid plan, 2 unreadable input or bad option."})
public final class PlanRenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The plan, YAML or JSON.")
    Path file;

    @Option(names = "--format", defaultValue = "md", paramLabel = "md|html", description = "md or html; default ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--migration", paramLabel = "MIGRATION", description = "Show each gate's validations with "
            + "their latest result recorded by the server for this migration.")
    String migration;

    @Option(names = "--server", paramLabel = "URL", description = "With --migration: the control plane URL "
            + "(default: $DIMMER_URL or " + ApiClient.DEFAULT_URL + ").")
    String server;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the runbook to OUT instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!RunbookRenderer.FORMATS.contains(format)) {
            err.println("unknown format '" + format + "'; expected one of md, html");
            err.flush();
            return 2;
        }
        Optional<LoadedPlan> loaded = PlanFile.read(file, err);
        if (loaded.isEmpty()) {
            return 2;
        }
        if (loaded.get().plan() == null) {
            loaded.get().problems().stream().map(PlanProblem::render).forEach(err::println);
            err.flush();
            return loaded.get().readable() ? 1 : 2;
        }
        RecordedEvidence evidence = RecordedEvidence.NONE;
        if (migration != null) {
            try {
                ApiClient client = ApiClient.locate(server, System.getenv(), DimmerHome.resolve());
                evidence = ReportedEvidence.of(client, migration);
            } catch (ApiException e) {
                err.println(e.getMessage());
                err.flush();
                return e.exitCode() == 0 ? 2 : e.exitCode();
            }
        }
        String runbook = new RunbookRenderer().render(loaded.get().plan(), format, evidence);
        if (output == null) {
            spec.commandLine().getOut().print(runbook);
            spec.commandLine().getOut().flush();
            return 0;
        }
        try {
            Files.writeString(output, runbook, StandardCharsets.UTF_8);
            return 0;
        } catch (IOException e) {
            err.println(output + ": cannot write: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
