package dev.dimmer.projections.switches;

import java.util.Map;

/**
 * What every consumer reads, as of a point in the log: each switch key with the wave it routes, the log position
 * of the last change to any served switch ({@code version}, what ETags and change events name) and of the last
 * event read ({@code logPosition}). Immutable: readers take it without a lock.
 */
public record ServedSwitches(Map<String, WaveSwitch> byKey, long version, long logPosition) {
    public static final ServedSwitches NONE = new ServedSwitches(Map.of(), -1, -1);

    public ServedSwitches {
        // sorted by key: bulk answers list the switches in the same order on every node
        byKey = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(byKey));
    }
}
