package dev.dimmer.api.status;

import dev.dimmer.api.migration.Phase;
import java.time.Instant;
import java.util.List;

/** One wave as the status board shows it: its phase and read weight, since when and by whom. */
public record WaveStatusView(String name, Phase phase, int weight, Instant since, String by, List<String> dependsOn,
                             List<Integer> canarySteps) {
    public WaveStatusView {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        canarySteps = canarySteps == null ? List.of() : List.copyOf(canarySteps);
    }
}
