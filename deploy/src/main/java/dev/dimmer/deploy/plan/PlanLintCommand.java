package dev.dimmer.deploy.plan;

import dev.dimmer.plan.LoadedPlan;
import dev.dimmer.plan.lint.LintReport;
import dev.dimmer.plan.lint.LintReportWriter;
import dev.dimmer.plan.lint.PlanLinter;
import dev.dimmer.plan.lint.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dimmer plan lint FILE}: checks a plan against rules drawn from how migrations fail. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check a plan against rules drawn from how migrations fail.",
        footer = {"", "Exit status: 0 clean, 1 findings at or above --fail-on (or an invalid plan), 2 unreadable input."})
public final class PlanLintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The plan, YAML or JSON.")
    Path file;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|sarif",
            description = "Output format: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.", completionCandidates = Formats.class)
    String format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "error|warning|note",
            description = "Lowest severity that makes the exit status 1; default ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--today", hidden = true, paramLabel = "DATE",
            description = "Lint as if today were DATE (ISO); for reproducible checks of windows.")
    LocalDate today;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Severity threshold;
        LintReportWriter writer;
        try {
            threshold = Severity.parse(failOn);
            writer = LintReportWriter.forFormat(format);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        Optional<LoadedPlan> loaded = PlanFile.read(file, err);
        if (loaded.isEmpty()) {
            return 2;
        }
        PlanLinter linter = new PlanLinter();
        boolean unreadable = !loaded.get().readable();
        LintReport report = loaded.get().plan() == null ? linter.invalid(loaded.get())
                : linter.lint(loaded.get(), today == null ? LocalDate.now() : today);
        out.print(writer.write(report));
        out.flush();
        if (unreadable) {
            return 2;
        }
        return report.hasFindingsAtOrAbove(threshold) ? 1 : 0;
    }

    /** The output formats, for help and shell completion. */
    static final class Formats extends java.util.ArrayList<String> {
        Formats() {
            super(java.util.List.of("text", "json", "sarif"));
        }
    }
}
