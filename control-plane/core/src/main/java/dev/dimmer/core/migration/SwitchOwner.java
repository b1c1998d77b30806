package dev.dimmer.core.migration;

import dev.dimmer.api.migration.CanaryWeightRaisedEvent;
import dev.dimmer.api.migration.CutoverStartedEvent;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.migration.WaveEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.util.Set;

/** Which wave a routing switch belongs to, and when a killed switch serves its wave's phase again. */
final class SwitchOwner {
    private SwitchOwner() {
    }

    static WavePlan waveOf(String migration, MigrationPlan plan, String routingSwitch) {
        return plan.waves().stream().filter(w -> routingSwitch.equals(w.routingSwitch())).findFirst()
                .orElseThrow(() -> Refusals.unknownSwitch(migration, routingSwitch, plan.waves().stream()
                        .map(WavePlan::routingSwitch).filter(s -> s != null).toList()));
    }

    /** A forward move re-enables a killed switch; a rollback keeps it killed (it reads source either way). */
    static void reviveOnForwardMove(Set<String> killed, WaveEvent event) {
        if (event instanceof WaveAdvancedEvent || event instanceof CanaryWeightRaisedEvent
                || event instanceof CutoverStartedEvent) {
            killed.remove(event.wave());
        }
    }
}
