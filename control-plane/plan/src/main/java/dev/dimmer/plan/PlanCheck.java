package dev.dimmer.plan;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.List;

/** A consistency rule across fields that a schema cannot express; any problem it finds makes the plan invalid. */
interface PlanCheck {
    List<PlanProblem> check(MigrationPlan plan, LocatedDocument document);
}
