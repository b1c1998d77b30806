package dev.dimmer.plan;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.List;

/**
 * What loading a plan gave: the plan when it is valid, and every problem found, in file order.
 *
 * @param plan     the plan, or null when any problem was found
 * @param problems every problem, sorted by position
 */
public record PlanLoadResult(MigrationPlan plan, List<PlanProblem> problems) {
    public PlanLoadResult {
        problems = List.copyOf(problems);
    }

    /** True when nothing is wrong; every problem the loader reports is an error. */
    public boolean valid() {
        return problems.isEmpty() && plan != null;
    }

    /** All problems, one rendered line each. */
    public List<String> rendered() {
        return problems.stream().map(PlanProblem::render).toList();
    }
}
