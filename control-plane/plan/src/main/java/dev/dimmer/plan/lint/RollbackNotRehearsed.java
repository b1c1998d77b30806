package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** No rollback drill: a rollback first tried during an incident usually fails. */
final class RollbackNotRehearsed extends NamedRule {
    RollbackNotRehearsed() {
        super("rollback-not-rehearsed", Severity.WARNING,
                "the rollback was never rehearsed and no gate asks for a rehearsal",
                "rehearse the rollback in a lower environment and record it under rollback.rehearsal, or add rehearsed_rollback: true to the cutover gate");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        boolean rehearsed = context.plan().rollback().rehearsal() != null;
        boolean required = context.plan().gates().stream().anyMatch(g -> g.rehearsedRollback());
        return rehearsed || required ? List.of()
                : List.of(context.at("rollback", "no rollback rehearsal is on record and no gate requires one"));
    }
}
