package dev.dimmer.core.migration;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.core.plan.PlanDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a revised plan changes, one readable line each, and the changes that would rewrite history and are
 * refused: a wave past SHADOW cannot leave the plan.
 */
final class PlanRevision {
    private PlanRevision() {
    }

    static List<String> changes(MigrationPlan before, MigrationPlan after, Map<String, Wave> waves) {
        for (Wave wave : waves.values()) {
            if (after.wave(wave.name()).isEmpty() && Phase.SHADOW.isBefore(wave.phase())) {
                throw Refusals.conflict("wave %s is in %s; a wave past SHADOW cannot be removed from the plan "
                        + "(roll it back first, or keep it)", wave.name(), wave.describe());
            }
        }
        List<String> changes = new ArrayList<>(PlanDiff.describe(before, after));
        if (changes.isEmpty() && !before.equals(after)) {
            changes.add("plan details changed");
        }
        return changes;
    }
}
