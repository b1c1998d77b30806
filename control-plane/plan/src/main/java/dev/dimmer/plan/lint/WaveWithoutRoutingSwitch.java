package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.ArrayList;
import java.util.List;

/** Big bang: without a routing switch, reads move all at once and cannot be dimmed back. */
final class WaveWithoutRoutingSwitch extends NamedRule {
    WaveWithoutRoutingSwitch() {
        super("big-bang-no-routing-switch", Severity.ERROR,
                "a wave without a routing switch has no canary and no fast way back",
                "name the switch consumers read (switch: orders-read-path) so canary steps and rollback can move reads");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        List<PlanProblem> found = new ArrayList<>();
        for (int i = 0; i < context.plan().waves().size(); i++) {
            if (context.plan().waves().get(i).routingSwitch() == null) {
                found.add(context.at("waves[" + i + "]", "wave '" + context.plan().waves().get(i).name()
                        + "' has no routing switch, so all reads move at once"));
            }
        }
        return found;
    }
}
