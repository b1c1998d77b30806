package dev.dimmer.plan.lint;

import dev.dimmer.api.plan.Readiness;
import dev.dimmer.plan.PlanProblem;
import java.util.ArrayList;
import java.util.List;

/** Operating a half-moved system needs dashboards, alerts, runbooks and someone on call before the first wave. */
final class ReadinessIncomplete extends NamedRule {
    ReadinessIncomplete() {
        super("readiness-incomplete", Severity.WARNING,
                "operational readiness lacks dashboards, alerts, runbooks or on-call",
                "list dashboards, alerts and runbooks under readiness and name the on-call rotation");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        Readiness readiness = context.plan().readiness();
        List<String> missing = new ArrayList<>();
        if (readiness.dashboards().isEmpty()) {
            missing.add("dashboards");
        }
        if (readiness.alerts().isEmpty()) {
            missing.add("alerts");
        }
        if (readiness.runbooks().isEmpty()) {
            missing.add("runbooks");
        }
        if (readiness.onCall() == null) {
            missing.add("on-call");
        }
        return missing.isEmpty() ? List.of()
                : List.of(context.at("readiness", "no " + String.join(", ", missing) + " in place"));
    }
}
