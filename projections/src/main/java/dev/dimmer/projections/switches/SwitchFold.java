package dev.dimmer.projections.switches;

import dev.dimmer.api.migration.CanaryWeightRaisedEvent;
import dev.dimmer.api.migration.CutoverStartedEvent;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.SwitchKilledEvent;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.migration.WaveEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.projections.EventFacts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The switches' rules, as a pure function: a migration's waves (by name) after one more event. Every wave is kept,
 * with or without a switch, so a switch added by a plan revision starts from its wave's real phase. A forward move
 * (advance, weight raise, cutover) re-enables a killed switch; a rollback does not (it reads source either way).
 * Events that change no switch (votes, refusals) return the same map.
 */
public final class SwitchFold {
    private SwitchFold() {
    }

    public static Map<String, WaveSwitch> next(Map<String, WaveSwitch> waves, EventFacts facts) {
        MigrationEvent event = facts.event();
        long position = facts.position();
        if (event instanceof MigrationRegisteredEvent registered) {
            return declared(Map.of(), registered.plan(), facts);
        }
        if (event instanceof PlanRevisedEvent revised) {
            return declared(waves, revised.plan(), facts);
        }
        if (event instanceof WaveEvent moved && waves.containsKey(moved.wave())) {
            boolean forward = event instanceof WaveAdvancedEvent || event instanceof CanaryWeightRaisedEvent
                    || event instanceof CutoverStartedEvent;
            WaveSwitch wave = waves.get(moved.wave());
            return with(waves, wave.moved(moved.phase(), moved.weight(), wave.killed() && !forward, position,
                    event.at()));
        }
        if (event instanceof SwitchKilledEvent killed && waves.containsKey(killed.wave())) {
            return with(waves, waves.get(killed.wave()).killed(position, event.at()));
        }
        if (event instanceof MigrationAbortedEvent) {
            Map<String, WaveSwitch> after = new LinkedHashMap<>();
            waves.forEach((name, wave) -> after.put(name, wave.aborted(position, event.at())));
            return Map.copyOf(after);
        }
        return waves;
    }

    private static Map<String, WaveSwitch> declared(Map<String, WaveSwitch> before, MigrationPlan plan,
                                                    EventFacts facts) {
        Map<String, WaveSwitch> after = new LinkedHashMap<>();
        for (WavePlan wave : plan.waves()) {
            WaveSwitch known = before.get(wave.name());
            after.put(wave.name(), known != null
                    ? known.renamed(wave.routingSwitch(), facts.position(), facts.event().at())
                    : new WaveSwitch(facts.event().migrationId(), wave.name(), wave.routingSwitch(), Phase.PLANNED,
                            0, false, false, facts.position(), facts.position(), facts.event().at()));
        }
        return Map.copyOf(after);
    }

    private static Map<String, WaveSwitch> with(Map<String, WaveSwitch> waves, WaveSwitch changed) {
        Map<String, WaveSwitch> after = new LinkedHashMap<>(waves);
        after.put(changed.wave(), changed);
        return Map.copyOf(after);
    }
}
