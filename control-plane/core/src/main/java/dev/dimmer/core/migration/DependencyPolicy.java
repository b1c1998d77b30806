package dev.dimmer.core.migration;

import dev.dimmer.api.migration.Phase;
import java.util.Map;

/** A wave may not cut over while a wave it depends on is before STABILIZATION. */
final class DependencyPolicy {
    private DependencyPolicy() {
    }

    static void checkCutover(Wave wave, Map<String, Wave> waves) {
        for (String name : wave.dependsOn()) {
            Wave dependency = waves.get(name);
            if (dependency != null && dependency.phase().isBefore(Phase.STABILIZATION)) {
                throw Refusals.dependency("wave %s depends on %s, which is in %s; cutover needs %s in "
                        + "STABILIZATION or later", wave.name(), name, dependency.describe(), name);
            }
        }
    }
}
