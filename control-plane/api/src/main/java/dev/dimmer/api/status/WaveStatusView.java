package dev.dimmer.api.status;

import dev.dimmer.api.migration.Phase;
import java.time.Instant;
import java.util.List;

/**
 * One wave as the status board shows it: its phase and read weight, since when and by whom, and its latest
 * rollback or cutover runbook (null when it never ran one).
 */
public record WaveStatusView(String name, Phase phase, int weight, Instant since, String by, List<String> dependsOn,
                             List<Integer> canarySteps, RunbookStatusView runbook) {
    public WaveStatusView {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        canarySteps = canarySteps == null ? List.of() : List.copyOf(canarySteps);
    }

    public WaveStatusView(String name, Phase phase, int weight, Instant since, String by, List<String> dependsOn,
                          List<Integer> canarySteps) {
        this(name, phase, weight, since, by, dependsOn, canarySteps, null);
    }
}
