package dev.dimmer.core.plan;

import dev.dimmer.api.plan.WavePlan;
import java.util.List;

/** The changes to one wave that exists in both revisions of a plan. */
final class WaveDiff {
    private WaveDiff() {
    }

    static void describe(List<String> changes, WavePlan before, WavePlan after) {
        String wave = "wave " + before.name() + ": ";
        Changes.list(changes, wave + "depends_on", before.dependsOn(), after.dependsOn());
        Changes.list(changes, wave + "canary steps", before.canarySteps(), after.canarySteps());
        Changes.list(changes, wave + "datasets", before.datasets(), after.datasets());
        Changes.value(changes, wave + "switch", before.routingSwitch(), after.routingSwitch());
        Changes.value(changes, wave + "shadow", before.shadow(), after.shadow());
        Changes.value(changes, wave + "hold", before.hold(), after.hold());
        Changes.value(changes, wave + "description", before.description(), after.description());
    }
}
