package dev.dimmer.core.web;

import dev.dimmer.plan.PlanProblem;

/** One problem of an invalid plan, as the 422 answer lists it. */
public record PlanProblemView(String source, int line, int column, String path, String message, String text) {
    static PlanProblemView of(PlanProblem problem) {
        return new PlanProblemView(problem.source(), problem.line(), problem.column(), problem.path(),
                problem.message(), problem.render());
    }
}
