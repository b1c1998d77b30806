package dev.dimmer.plan.lint;

import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.plan.PlanProblem;
import java.util.ArrayList;
import java.util.List;

/** A freshness check that names no timestamp column cannot be run: it errors on every run and never passes a gate. */
final class FreshnessWithoutColumn extends NamedRule {
    FreshnessWithoutColumn() {
        super("freshness-without-column", Severity.WARNING,
                "a freshness validation names no timestamp column, so it cannot run",
                "add column: the timestamp column whose newest value shows how current a table is (e.g. column: updated_at)");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        List<PlanProblem> findings = new ArrayList<>();
        List<ValidationPlan> validations = context.plan().validations();
        for (int i = 0; i < validations.size(); i++) {
            if (validations.get(i) instanceof ValidationPlan.Freshness freshness
                    && (freshness.column() == null || freshness.column().isBlank())) {
                findings.add(context.at("validations[" + i + "]", "freshness validation '" + freshness.name()
                        + "' names no column to compare"));
            }
        }
        return findings;
    }
}
