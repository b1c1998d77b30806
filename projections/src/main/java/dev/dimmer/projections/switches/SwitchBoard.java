package dev.dimmer.projections.switches;

import dev.dimmer.projections.EventFacts;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The switches in memory on this node. One thread writes (the follower, a batch of events at a time); any number
 * read {@link #served()} without a lock. When two migrations name the same switch, the wave whose plan declared it
 * last (registered or revised later) serves it: a migration registered again under a new slug takes its switches
 * over.
 */
@Singleton
public class SwitchBoard {
    private final Map<String, Map<String, WaveSwitch>> migrations = new HashMap<>();
    private final List<Consumer<ServedSwitches>> listeners = new CopyOnWriteArrayList<>();
    private volatile ServedSwitches served = ServedSwitches.NONE;
    private volatile boolean ready;

    public ServedSwitches served() {
        return served;
    }

    /** Whether the whole log up to the node's start has been read: before that nothing is served. */
    public boolean ready() {
        return ready;
    }

    void markReady() {
        ready = true;
    }

    /** Applies events in log order and publishes the result once; listeners hear of a changed board. */
    public synchronized void apply(List<EventFacts> events) {
        if (events.isEmpty()) {
            return;
        }
        for (EventFacts facts : events) {
            String id = facts.event().migrationId();
            Map<String, WaveSwitch> before = migrations.getOrDefault(id, Map.of());
            Map<String, WaveSwitch> after = SwitchFold.next(before, facts);
            if (after != before) {
                migrations.put(id, after);
            }
        }
        long logPosition = events.get(events.size() - 1).position();
        Map<String, WaveSwitch> byKey = servedKeys();
        ServedSwitches previous = served;
        boolean changed = !byKey.equals(previous.byKey());
        long version = changed ? logPosition : previous.version();
        served = new ServedSwitches(byKey, version, Math.max(logPosition, previous.logPosition()));
        if (changed && ready) {
            listeners.forEach(l -> l.accept(served));
        }
    }

    public void onChange(Consumer<ServedSwitches> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ServedSwitches> listener) {
        listeners.remove(listener);
    }

    private Map<String, WaveSwitch> servedKeys() {
        Map<String, WaveSwitch> byKey = new TreeMap<>();
        for (Map<String, WaveSwitch> waves : migrations.values()) {
            for (WaveSwitch wave : waves.values()) {
                if (wave.routingSwitch() == null) {
                    continue;
                }
                WaveSwitch current = byKey.get(wave.routingSwitch());
                if (current == null || current.declaredAt() < wave.declaredAt()) {
                    byKey.put(wave.routingSwitch(), wave);
                }
            }
        }
        return byKey;
    }
}
