package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.ArrayList;
import java.util.List;

/** A rollback step without an estimate makes the 5-minute promise unverifiable. */
final class RollbackNotEstimated extends NamedRule {
    RollbackNotEstimated() {
        super("rollback-not-estimated", Severity.WARNING,
                "a rollback action has no time estimate",
                "add estimate: (e.g. 30s) to every rollback action, measured in the rehearsal");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        List<PlanProblem> found = new ArrayList<>();
        for (int i = 0; i < context.plan().rollback().actions().size(); i++) {
            if (context.plan().rollback().actions().get(i).estimate() == null) {
                found.add(context.at("rollback.actions[" + i + "]", "rollback action " + (i + 1) + " has no estimate"));
            }
        }
        return found;
    }
}
