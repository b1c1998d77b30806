package dev.dimmer.projections.switches;

import dev.dimmer.api.migration.Phase;
import java.time.Instant;

/**
 * A wave as its routing switch sees it: the switch it names (null if none), its phase and canary weight, whether
 * the switch was killed since the wave last moved forward, whether the migration was aborted, the log position at
 * which this wave's plan declared the switch, and the position and time of the last event that changed it.
 */
public record WaveSwitch(String migrationId, String wave, String routingSwitch, Phase phase, int weight,
                         boolean killed, boolean aborted, long declaredAt, long position, Instant at) {

    public WaveSwitch moved(Phase newPhase, int newWeight, boolean stillKilled, long newPosition, Instant when) {
        return new WaveSwitch(migrationId, wave, routingSwitch, newPhase, newWeight, stillKilled, aborted,
                declaredAt, newPosition, when);
    }

    public WaveSwitch killed(long newPosition, Instant when) {
        return new WaveSwitch(migrationId, wave, routingSwitch, phase, weight, true, aborted, declaredAt,
                newPosition, when);
    }

    public WaveSwitch aborted(long newPosition, Instant when) {
        return new WaveSwitch(migrationId, wave, routingSwitch, phase, weight, killed, true, declaredAt,
                newPosition, when);
    }

    /** The same wave under a (possibly new) switch name; a new name is declared anew at this position. */
    public WaveSwitch renamed(String newSwitch, long newPosition, Instant when) {
        if (java.util.Objects.equals(newSwitch, routingSwitch)) {
            return this;
        }
        return new WaveSwitch(migrationId, wave, newSwitch, phase, weight, killed, aborted, newPosition,
                newPosition, when);
    }

    /** What the switch serves to every key, or null when it splits keys (CANARY, not killed). */
    public SwitchValue fixedValue() {
        if (killed || aborted || phase.isBefore(Phase.CANARY)) {
            return SwitchValue.SOURCE;
        }
        return phase == Phase.CANARY ? null : SwitchValue.TARGET;
    }
}
