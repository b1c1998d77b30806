package dev.dimmer.bench;

import java.util.List;

/** The keys the benchmark deleted from, inserted into and updated in the target table. */
record PlantedDifferences(List<Long> missingInTarget, List<Long> extraInTarget, List<Long> changed) {
    int size() {
        return missingInTarget.size() + extraInTarget.size() + changed.size();
    }
}
