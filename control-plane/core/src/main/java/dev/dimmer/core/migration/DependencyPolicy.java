package dev.dimmer.core.migration;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.UnmetCondition;
import java.util.List;
import java.util.Optional;

/** A wave may not cut over while a wave it depends on is before STABILIZATION. */
final class DependencyPolicy {
    private DependencyPolicy() {
    }

    static Rule<WaveMove> dependenciesStable() {
        return move -> {
            List<String> behind = move.wave().dependsOn().stream()
                    .filter(name -> move.waves().containsKey(name))
                    .filter(name -> move.waves().get(name).phase().isBefore(Phase.STABILIZATION))
                    .toList();
            if (behind.isEmpty()) {
                return Optional.empty();
            }
            String which = String.join(", ", behind.stream().map(name -> name + ", which is in "
                    + move.waves().get(name).describe()).toList());
            return Optional.of(new UnmetCondition(RejectionCode.DEPENDENCY_NOT_READY, String.format(
                    "wave %s depends on %s; cutover needs %s in STABILIZATION or later", move.wave().name(), which,
                    String.join(" and ", behind))));
        };
    }
}
