package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/**
 * No gate asks for a measured rollback rehearsal: a rollback first tried during an incident usually fails. A
 * rehearsal the plan declares is not evidence; only one Dimmer measured ({@code dimmer rehearse}) is.
 */
final class RollbackNotRehearsed extends NamedRule {
    RollbackNotRehearsed() {
        super("rollback-not-rehearsed", Severity.WARNING,
                "no gate asks for a measured rollback rehearsal",
                "add rehearsed_rollback: true to the cutover gate and rehearse with dimmer rehearse MIGRATION WAVE (a rehearsal written in the plan is not evidence)");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        boolean required = context.plan().gates().stream().anyMatch(g -> g.rehearsedRollback());
        return required ? List.of()
                : List.of(context.at("rollback", "no gate requires a measured rollback rehearsal"));
    }
}
