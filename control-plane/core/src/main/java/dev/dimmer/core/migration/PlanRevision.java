package dev.dimmer.core.migration;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(before.title(), after.title())) {
            changes.add("title: " + before.title() + " → " + after.title());
        }
        if (!before.owners().equals(after.owners())) {
            changes.add("owners: " + before.owners().size() + " → " + after.owners().size() + " named");
        }
        for (WavePlan old : before.waves()) {
            if (after.wave(old.name()).isEmpty()) {
                changes.add("wave " + old.name() + " removed");
            }
        }
        for (WavePlan now : after.waves()) {
            WavePlan old = before.wave(now.name()).orElse(null);
            if (old == null) {
                changes.add("wave " + now.name() + " added");
                continue;
            }
            if (!old.dependsOn().equals(now.dependsOn())) {
                changes.add("wave " + now.name() + ": depends on " + list(old.dependsOn()) + " → "
                        + list(now.dependsOn()));
            }
            if (!old.canarySteps().equals(now.canarySteps())) {
                changes.add("wave " + now.name() + ": canary steps " + list(old.canarySteps()) + " → "
                        + list(now.canarySteps()));
            }
        }
        if (changes.isEmpty() && !before.equals(after)) {
            changes.add("plan details changed");
        }
        return changes;
    }

    private static String list(List<?> items) {
        return items.isEmpty() ? "nothing" : items.stream().map(String::valueOf)
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
