package dev.dimmer.api.plan;

import java.util.List;

/**
 * One wave of a plan: a domain or subject area that moves through the phases on its own.
 *
 * @param canarySteps the read weights (percent of reads on the target) the canary phase moves through, increasing
 */
public record WavePlan(String name, List<String> dependsOn, List<Integer> canarySteps) {
    public static final List<Integer> DEFAULT_CANARY_STEPS = List.of(10, 50);

    public WavePlan {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        canarySteps = canarySteps == null || canarySteps.isEmpty() ? DEFAULT_CANARY_STEPS : List.copyOf(canarySteps);
    }
}
