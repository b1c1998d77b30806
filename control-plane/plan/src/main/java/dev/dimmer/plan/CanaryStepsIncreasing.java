package dev.dimmer.plan;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.List;

/** The canary weight only grows, step by step, so the steps must be strictly increasing (the schema bounds them). */
final class CanaryStepsIncreasing implements PlanCheck {
    @Override
    public List<PlanProblem> check(MigrationPlan plan, LocatedDocument document) {
        List<PlanProblem> problems = new ArrayList<>();
        for (int i = 0; i < plan.waves().size(); i++) {
            List<Integer> steps = plan.waves().get(i).canarySteps();
            String path = "waves[" + i + "].canary_steps";
            for (int j = 1; j < steps.size(); j++) {
                if (steps.get(j) != null && steps.get(j - 1) != null && steps.get(j) <= steps.get(j - 1)) {
                    problems.add(document.problemAt(path + "[" + j + "]", path, "step " + steps.get(j)
                            + " does not rise above " + steps.get(j - 1)
                            + "; expected strictly increasing percentages from 1 to 99, e.g. 10, 50"));
                }
            }
        }
        return problems;
    }
}
