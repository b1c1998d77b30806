package dev.dimmer.plan.lint;

import dev.dimmer.plan.LoadedPlan;
import dev.dimmer.plan.PlanProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every lint rule over a valid plan. Thread-safe: rules hold no state. */
public final class PlanLinter {
    private static final Comparator<LintFinding> ORDER = Comparator.comparing(LintFinding::severity)
            .thenComparingInt(f -> f.problem().line()).thenComparingInt(f -> f.problem().column())
            .thenComparing(LintFinding::ruleId);

    /** The id of findings that are load problems rather than lint rules. */
    public static final String INVALID = "plan-invalid";

    private final List<LintRule> rules;

    public PlanLinter() {
        this(LintRules.ALL);
    }

    public PlanLinter(List<LintRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<LintRule> rules() {
        return rules;
    }

    /** A report of the load problems of a plan that did not load: each one is an error of rule plan-invalid. */
    public LintReport invalid(LoadedPlan loaded) {
        List<LintFinding> findings = loaded.problems().stream()
                .map(p -> new LintFinding(INVALID, Severity.ERROR, p, "see docs/plan-format.md")).toList();
        return new LintReport(loaded.source(), findings, rules);
    }

    /** Findings for a plan that loaded; an invalid plan has load problems instead, and nothing to lint. */
    public LintReport lint(LoadedPlan loaded, LocalDate today) {
        if (loaded.plan() == null) {
            throw new IllegalArgumentException("only a valid plan can be linted; it has " + loaded.problems().size() + " problem(s)");
        }
        LintContext context = new LintContext(loaded, today);
        List<LintFinding> findings = new ArrayList<>();
        for (LintRule rule : rules) {
            for (PlanProblem problem : rule.check(context)) {
                findings.add(new LintFinding(rule.id(), rule.severity(), problem, rule.fix()));
            }
        }
        findings.sort(ORDER);
        return new LintReport(loaded.source(), findings, rules);
    }
}
