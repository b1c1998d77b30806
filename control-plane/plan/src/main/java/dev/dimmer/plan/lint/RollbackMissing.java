package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** Without precomputed rollback actions, backing out is improvised under pressure. */
final class RollbackMissing extends NamedRule {
    RollbackMissing() {
        super("rollback-missing", Severity.ERROR,
                "the plan has no rollback actions",
                "list the exact rollback actions in order under rollback.actions (switch flip, SQL, webhook)");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        return context.plan().rollback().actions().isEmpty()
                ? List.of(context.at("rollback.actions", "there is no rollback: no actions are listed"))
                : List.of();
    }
}
