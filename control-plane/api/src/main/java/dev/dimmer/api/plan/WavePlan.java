package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One wave of a plan: a domain or subject area that moves through the phases on its own.
 *
 * @param canarySteps   the read weights (percent of reads on the target) the canary phase moves through, increasing
 * @param description   the domain or subject area in words
 * @param datasets      names of inventory datasets this wave moves
 * @param routingSwitch the routing switch consumers read to pick source or target
 * @param shadow        how long source and target run side by side before canary, e.g. {@code 7d}
 * @param hold          how long each canary step holds before the next, e.g. {@code 24h}
 * @param stabilization how long the wave stabilizes after its cutover before it may be decommissioned, e.g.
 *                      {@code 7d}; no wait when absent
 * @param autoAdvance   whether the scheduler raises the canary weight by itself once the hold is over and the gate's
 *                      evidence is green (absent: false)
 */
public record WavePlan(String name, List<String> dependsOn, List<Integer> canarySteps, String description,
                       List<String> datasets, @JsonProperty("switch") String routingSwitch, PlanDuration shadow,
                       PlanDuration hold, PlanDuration stabilization, Boolean autoAdvance) {
    public static final List<Integer> DEFAULT_CANARY_STEPS = List.of(10, 50);

    @JsonCreator
    public WavePlan {
        dependsOn = Lists.of(dependsOn);
        canarySteps = canarySteps == null || canarySteps.isEmpty() ? DEFAULT_CANARY_STEPS : Lists.of(canarySteps);
        datasets = Lists.of(datasets);
    }

    public WavePlan(String name, List<String> dependsOn, List<Integer> canarySteps) {
        this(name, dependsOn, canarySteps, null, null, null, null, null);
    }

    public WavePlan(String name, List<String> dependsOn, List<Integer> canarySteps, String description,
                    List<String> datasets, String routingSwitch, PlanDuration shadow, PlanDuration hold) {
        this(name, dependsOn, canarySteps, description, datasets, routingSwitch, shadow, hold, null, null);
    }

    /** Whether the scheduler raises the weight by itself when the hold is over and the evidence is green. */
    public boolean advancesByItself() {
        return Boolean.TRUE.equals(autoAdvance);
    }
}
