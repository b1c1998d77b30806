package dev.dimmer.core.evidence;

import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;

/** Runs one of the plan's validations against the plan's connections; trouble is an errored result, never thrown. */
@FunctionalInterface
public interface PlannedChecks {
    CheckResult run(MigrationPlan plan, ValidationPlan validation);

    /** Asks the checks running now to stop their statements (the node is stopping). */
    default void cancelRunning() {
    }
}
