package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** Cutovers at random times meet peak load and absent owners; an agreed window is part of the plan. */
final class WindowMissing extends NamedRule {
    WindowMissing() {
        super("window-missing", Severity.WARNING,
                "the plan has no cutover window",
                "add windows.cutover with a cron, duration and time zone agreed with the business");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        return context.plan().windows().cutover() == null
                ? List.of(context.at("windows.cutover", "no cutover window is agreed")) : List.of();
    }
}
