package dev.dimmer.plan.render;

import dev.dimmer.api.plan.WavePlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Waves in an order that respects depends_on, keeping the file's order where it is free. */
final class WaveOrder {
    private WaveOrder() {
    }

    static List<WavePlan> of(List<WavePlan> waves) {
        List<WavePlan> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<WavePlan> left = new ArrayList<>(waves);
        while (!left.isEmpty()) {
            WavePlan next = left.stream().filter(w -> placed.containsAll(w.dependsOn())).findFirst().orElse(left.get(0));
            ordered.add(next);
            placed.add(next.name());
            left.remove(next);
        }
        return ordered;
    }
}
