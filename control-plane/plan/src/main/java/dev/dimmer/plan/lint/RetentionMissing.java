package dev.dimmer.plan.lint;

import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.plan.PlanProblem;
import dev.dimmer.plan.HumanUnits;
import java.time.Duration;
import java.util.List;

/** Decommissioning the old system the day of cutover removes the only way back. */
final class RetentionMissing extends NamedRule {
    RetentionMissing() {
        super("retention-missing", Severity.WARNING,
                "the plan does not say how long the old system stays readable",
                "set rollback.retention (e.g. 7d) and keep the old system read-only through stabilization");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        Duration retention = PlanDuration.orZero(context.plan().rollback().retention());
        return retention.isZero()
                ? List.of(context.at("rollback.retention", "no retention period is set for the old system")) : List.of();
    }
}
