package dev.dimmer.plan.lint;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.plan.LoadedPlan;
import dev.dimmer.plan.PlanProblem;
import java.time.LocalDate;

/**
 * What a rule sees: the plan, a way to point at its fields, and today's date (rules never read a clock, so tests
 * fix the day).
 */
public record LintContext(LoadedPlan loaded, LocalDate today) {
    public MigrationPlan plan() {
        return loaded.plan();
    }

    public PlanProblem at(String path, String message) {
        return loaded.at(path, message);
    }
}
