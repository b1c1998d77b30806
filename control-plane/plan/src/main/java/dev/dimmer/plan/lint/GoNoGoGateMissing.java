package dev.dimmer.plan.lint;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** A cutover without written criteria is decided by mood on the night. */
final class GoNoGoGateMissing extends NamedRule {
    GoNoGoGateMissing() {
        super("go-no-go-gate-missing", Severity.WARNING,
                "no gate guards cutover",
                "add a gate with before: cutover naming the validations that must pass and the approvals needed");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        boolean guarded = context.plan().gates().stream().anyMatch(g -> g.before() == Phase.CUTOVER);
        return guarded ? List.of() : List.of(context.at("gates", "no gate guards cutover, so go/no-go has no criteria"));
    }
}
