package dev.dimmer.plan;

import dev.dimmer.api.plan.Approval;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.List;

/** A gate that asks more people of a role than the plan names can never open. */
final class GateQuorumReachable implements PlanCheck {
    @Override
    public List<PlanProblem> check(MigrationPlan plan, LocatedDocument document) {
        List<PlanProblem> problems = new ArrayList<>();
        for (int i = 0; i < plan.gates().size(); i++) {
            Gate gate = plan.gates().get(i);
            for (int j = 0; j < gate.approvals().size(); j++) {
                Approval approval = gate.approvals().get(j);
                if (approval == null || approval.role() == null) {
                    continue;
                }
                long named = plan.owners().stream().filter(o -> approval.role() == o.role()).count();
                if (approval.count() > named) {
                    problems.add(document.problem("gates[" + i + "].approvals[" + j + "].count", "gate '" + gate.name()
                            + "' needs " + approval.count() + " " + approval.role().label()
                            + (approval.count() == 1 ? " vote" : " votes") + " but the plan names "
                            + named + "; lower the count or add owners with role " + approval.role().label()));
                }
            }
        }
        return problems;
    }
}
