package dev.dimmer.plan.lint;

import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.plan.PlanProblem;
import dev.dimmer.plan.HumanUnits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Big bang: real traffic should not be the first time the target's output is compared with the source's. */
final class WaveWithoutShadowRun extends NamedRule {
    WaveWithoutShadowRun() {
        super("big-bang-no-shadow", Severity.WARNING,
                "a wave goes to canary without running side by side with the old system first",
                "add shadow: 7d (or as long as a full business cycle) to run both systems and compare outputs");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        List<PlanProblem> found = new ArrayList<>();
        for (int i = 0; i < context.plan().waves().size(); i++) {
            Duration shadow = PlanDuration.orZero(context.plan().waves().get(i).shadow());
            if (shadow.isZero()) {
                found.add(context.at("waves[" + i + "].shadow", "wave '" + context.plan().waves().get(i).name()
                        + "' has no shadow run, so real users are the first to see the target's results"));
            }
        }
        return found;
    }
}
