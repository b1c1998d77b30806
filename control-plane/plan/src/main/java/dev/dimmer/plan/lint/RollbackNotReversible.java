package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** Reads can flip back in seconds, but writes the target took after cutover are lost unless something syncs them. */
final class RollbackNotReversible extends NamedRule {
    RollbackNotReversible() {
        super("rollback-not-reversible", Severity.WARNING,
                "writes made on the target after cutover would not reach the old system on rollback",
                "set rollback.reverse_sync to dual_writes, reverse_replication or replay, and keep it running through stabilization");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        String sync = context.plan().rollback().reverseSync();
        if (sync != null && !sync.equals("none")) {
            return List.of();
        }
        return List.of(context.at(sync == null ? "rollback" : "rollback.reverse_sync",
                "rollback is not reversible: nothing carries the target's writes back to the old system"));
    }
}
