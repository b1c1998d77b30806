package dev.dimmer.plan.lint;

import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.plan.HumanUnits;
import dev.dimmer.plan.PlanProblem;
import dev.dimmer.plan.RollbackTimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A rollback that takes more than five minutes turns a blip into an outage; the field's bar is under 5 minutes. */
final class RollbackTooSlow extends NamedRule {
    static final Duration LIMIT = Duration.ofMinutes(5);

    RollbackTooSlow() {
        super("rollback-over-5-minutes", Severity.ERROR,
                "the rollback is estimated or rehearsed at more than 5 minutes",
                "precompute the steps (switch flips instead of rebuilds) so the whole rollback runs in under 5 minutes");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        List<PlanProblem> found = new ArrayList<>();
        RollbackTimes.slowest(context.plan()).filter(slowest -> slowest.time().compareTo(LIMIT) > 0).ifPresent(slowest ->
                found.add(context.at("rollback.actions", "rolling back wave " + slowest.wave() + " takes an estimated "
                        + HumanUnits.format(slowest.time()) + ", over 5m")));
        if (context.plan().rollback().rehearsal() != null) {
            Duration took = PlanDuration.orZero(context.plan().rollback().rehearsal().took());
            if (took.compareTo(LIMIT) > 0) {
                found.add(context.at("rollback.rehearsal.took", "the rehearsed rollback took " + HumanUnits.format(took)
                        + ", over 5m"));
            }
        }
        return found;
    }
}
