package dev.dimmer.projections.status;

import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.WaveEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.projections.EventFacts;
import dev.dimmer.projections.status.StatusChange.MigrationRegistered;
import dev.dimmer.projections.status.StatusChange.MigrationTouched;
import dev.dimmer.projections.status.StatusChange.VersionReached;
import dev.dimmer.projections.status.StatusChange.WaveDeclared;
import dev.dimmer.projections.status.StatusChange.WaveMoved;
import dev.dimmer.projections.status.StatusChange.WavesRemovedBefore;
import java.util.ArrayList;
import java.util.List;

/**
 * The status board's rules: what each event changes, as row changes in the order they apply. Every event leaves the
 * migration at its version, so a caller's If-Match can be checked against the board.
 */
public final class StatusFold {
    private StatusFold() {
    }

    public static List<StatusChange> changes(EventFacts facts) {
        MigrationEvent event = facts.event();
        String id = event.migrationId();
        String by = facts.actorName();
        long position = facts.position();
        long version = facts.version();
        if (event instanceof MigrationRegisteredEvent registered) {
            List<StatusChange> changes = new ArrayList<>();
            changes.add(new MigrationRegistered(id, registered.plan().title(), event.at(), by, position, version));
            declareWaves(registered.plan(), facts, changes);
            return changes;
        }
        if (event instanceof PlanRevisedEvent revised) {
            List<StatusChange> changes = new ArrayList<>();
            declareWaves(revised.plan(), facts, changes);
            // waves still behind this position are the ones the revised plan no longer names
            changes.add(new WavesRemovedBefore(id, position));
            changes.add(new MigrationTouched(id, revised.plan().title(), null, event.at(), by, position, version));
            return changes;
        }
        if (event instanceof WaveEvent moved) {
            return List.of(new WaveMoved(id, moved.wave(), moved.phase(), moved.weight(), event.at(), by, position,
                    version));
        }
        if (event instanceof MigrationAbortedEvent) {
            return List.of(new MigrationTouched(id, null, "aborted", event.at(), by, position, version));
        }
        if (event instanceof dev.dimmer.api.rollback.RunbookEvent runbook) {
            return List.of(RunbookFold.change(runbook, position),
                    new MigrationTouched(id, null, null, event.at(), by, position, version));
        }
        if (event instanceof CommandRefusedEvent) {
            return List.of(new VersionReached(id, position, version));
        }
        // go/no-go ballots change no wave, but they are someone's act on the migration
        return List.of(new MigrationTouched(id, null, null, event.at(), by, position, version));
    }

    private static void declareWaves(MigrationPlan plan, EventFacts facts, List<StatusChange> changes) {
        List<WavePlan> waves = plan.waves();
        for (int ordinal = 0; ordinal < waves.size(); ordinal++) {
            WavePlan wave = waves.get(ordinal);
            changes.add(new WaveDeclared(facts.event().migrationId(), wave.name(), ordinal, wave.dependsOn(),
                    wave.canarySteps(), facts.event().at(), facts.actorName(), facts.position()));
        }
    }
}
