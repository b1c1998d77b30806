package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** How stale the target may be decides the replication design and the freshness checks. */
final class DataDelayToleranceMissing extends NamedRule {
    DataDelayToleranceMissing() {
        super("data-delay-tolerance-missing", Severity.WARNING,
                "the plan has no data delay tolerance",
                "write how stale the target may be while it serves reads as slos.data_delay_tolerance (e.g. 30m)");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        return context.plan().slos().dataDelayTolerance() == null
                ? List.of(context.at("slos.data_delay_tolerance", "no data delay tolerance is set")) : List.of();
    }
}
