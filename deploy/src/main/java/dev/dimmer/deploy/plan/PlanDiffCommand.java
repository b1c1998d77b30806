package dev.dimmer.deploy.plan;

import dev.dimmer.plan.LoadedPlan;
import dev.dimmer.plan.PlanDiff;
import dev.dimmer.plan.PlanProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dimmer plan diff OLD NEW}: what a revision changes, as the PlanRevised event will record it. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Show what changes between two revisions of a plan, one line per change.",
        footer = {"", "Exit status: 0 no changes, 1 changes, 2 unreadable or invalid input."})
public final class PlanDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW")
    Path after;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<LoadedPlan> old = valid(before, err);
        Optional<LoadedPlan> now = valid(after, err);
        if (old.isEmpty() || now.isEmpty()) {
            return 2;
        }
        List<String> changes = PlanDiff.describe(old.get().plan(), now.get().plan());
        PrintWriter out = spec.commandLine().getOut();
        if (changes.isEmpty()) {
            out.println("no changes");
        }
        changes.forEach(out::println);
        out.flush();
        return changes.isEmpty() ? 0 : 1;
    }

    private static Optional<LoadedPlan> valid(Path file, PrintWriter err) {
        Optional<LoadedPlan> loaded = PlanFile.read(file, err);
        if (loaded.isPresent() && loaded.get().plan() == null) {
            loaded.get().problems().stream().map(PlanProblem::render).forEach(err::println);
            err.flush();
            return Optional.empty();
        }
        return loaded;
    }
}
