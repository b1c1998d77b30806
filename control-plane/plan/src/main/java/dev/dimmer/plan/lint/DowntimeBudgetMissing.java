package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** Without a downtime budget nobody can tell whether the cutover design is good enough. */
final class DowntimeBudgetMissing extends NamedRule {
    DowntimeBudgetMissing() {
        super("downtime-budget-missing", Severity.WARNING,
                "the plan has no downtime budget",
                "agree a downtime budget with the business and write it as slos.downtime_budget (e.g. 2m)");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        return context.plan().slos().downtimeBudget() == null
                ? List.of(context.at("slos.downtime_budget", "no downtime budget is set")) : List.of();
    }
}
