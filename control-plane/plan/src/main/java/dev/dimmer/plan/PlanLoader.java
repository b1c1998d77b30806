package dev.dimmer.plan;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a migration plan from YAML (or JSON, which is YAML) and reports every problem at once, each with
 * file:line:col, field path, what is wrong and what would be right. No plan comes back when anything is wrong.
 * Thread-safe and reusable.
 */
public final class PlanLoader {
    private static final Comparator<PlanProblem> IN_FILE_ORDER = Comparator.comparingInt(PlanProblem::line)
            .thenComparingInt(PlanProblem::column).thenComparing(PlanProblem::path).thenComparing(PlanProblem::message);

    private final PlanSchema schema = new PlanSchema();
    private final PlanBinder binder = new PlanBinder();
    private final List<PlanCheck> checks = List.of(
            new NamesUnique(),
            new WaveDependenciesKnown(),
            new WaveDependenciesAcyclic(),
            new CanaryStepsIncreasing(),
            new ReferencesKnown(),
            new MetricsAnswerable(),
            new SecretsFromEnvironment(),
            new GateQuorumReachable(),
            new WindowsCanOpen());

    public PlanLoadResult load(String sourceName, String text) {
        return read(sourceName, text).result();
    }

    /** Loads plan bytes, refusing any that are not valid UTF-8 with the byte offset, line and column. */
    public PlanLoadResult load(String sourceName, byte[] bytes) {
        return read(sourceName, bytes).result();
    }

    /** Like {@link #load(String, byte[])}, keeping the field positions for later findings. */
    public LoadedPlan read(String sourceName, byte[] bytes) {
        String source = sourceName == null ? "plan" : sourceName;
        PlanText.Decoded decoded = PlanText.decode(source, bytes == null ? new byte[0] : bytes);
        if (decoded.problem() != null) {
            return new LoadedPlan(new PlanLoadResult(null, List.of(decoded.problem())),
                    new LocatedDocument(source, null, Map.of(), List.of(decoded.problem()),
                            Set.of()));
        }
        return read(source, decoded.text());
    }

    /** Like {@link #load}, keeping the field positions for later findings. */
    public LoadedPlan read(String sourceName, String text) {
        LocatedDocument document = DocumentReader.read(sourceName == null ? "plan" : sourceName, text == null ? "" : text);
        if (document.root() == null) {
            return new LoadedPlan(new PlanLoadResult(null, document.problems()), document);
        }
        List<PlanProblem> problems = new ArrayList<>(document.problems());
        problems.addAll(schema.check(document));
        boolean shapeValid = problems.isEmpty();
        Optional<MigrationPlan> plan = binder.bind(document.root());
        plan.ifPresent(p -> checks.forEach(check -> problems.addAll(crossCheck(check, p, document, shapeValid))));
        if (problems.isEmpty() && plan.isEmpty()) {
            problems.add(document.problem("", "the plan's shape does not fit the plan format; compare it with docs/plan-format.md"));
        }
        List<PlanProblem> sorted = new ArrayList<>(new LinkedHashSet<>(problems));
        sorted.sort(IN_FILE_ORDER);
        return new LoadedPlan(new PlanLoadResult(sorted.isEmpty() ? plan.orElse(null) : null, sorted), document);
    }

    /**
     * Cross-field checks also run on plans the schema rejected, so users see every problem in one pass. A plan of
     * the wrong shape can hold gaps (an empty list item, a missing name) that a check is not written for; such a
     * check is skipped, as the schema's messages already say what to fix. On a plan of the right shape every
     * check must run.
     */
    private static List<PlanProblem> crossCheck(PlanCheck check, MigrationPlan plan, LocatedDocument document,
                                                boolean shapeValid) {
        if (shapeValid) {
            return check.check(plan, document);
        }
        try {
            return check.check(plan, document);
        } catch (RuntimeException gapInAnInvalidPlan) {
            return List.of();
        }
    }
}
