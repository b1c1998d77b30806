package dev.dimmer.core.migration;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.plan.PlanDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a revised plan changes, one readable line each; a revision that would rewrite history is refused. */
final class PlanRevision {
    private PlanRevision() {
    }

    static List<String> changes(MigrationPlan before, MigrationPlan after, Map<String, Wave> waves) {
        List<String> violations = HistoryPolicy.violations(before, after, waves);
        if (violations.size() == 1) {
            throw Refusals.conflict("%s", violations.get(0));
        }
        if (!violations.isEmpty()) {
            throw Refusals.conflict("the revised plan would rewrite history: %s", String.join("; ", violations));
        }
        List<String> changes = new ArrayList<>(PlanDiff.describe(before, after));
        if (changes.isEmpty() && !before.equals(after)) {
            changes.add("plan details changed");
        }
        return changes;
    }
}
