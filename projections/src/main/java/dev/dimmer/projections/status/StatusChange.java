package dev.dimmer.projections.status;

import dev.dimmer.api.migration.Phase;
import java.time.Instant;
import java.util.List;

/**
 * One change an event makes to the status board. Every change carries the event's global position: a row only takes
 * a change from an event later than the last one it took, so handling an event twice changes nothing.
 */
public sealed interface StatusChange {
    String migrationId();

    long position();

    /** A new migration's row, active; a migration already on the board keeps its row. */
    record MigrationRegistered(String migrationId, String title, Instant at, String by, long position, long version)
            implements StatusChange {
    }

    /** A wave the plan names, at its place in the plan; a new one starts PLANNED, an existing one keeps its phase. */
    record WaveDeclared(String migrationId, String wave, int ordinal, List<String> dependsOn,
                        List<Integer> canarySteps, Instant at, String by, long position) implements StatusChange {
    }

    /** The migration's waves no change at this position or later has touched: those its plan no longer names. */
    record WavesRemovedBefore(String migrationId, long position) implements StatusChange {
    }

    /** A wave's new phase and weight; the migration is touched by the same move. */
    record WaveMoved(String migrationId, String wave, Phase phase, int weight, Instant at, String by, long position,
                     long version) implements StatusChange {
    }

    /** The migration reached a version through someone's act; a null title or state leaves the one it has. */
    record MigrationTouched(String migrationId, String title, String state, Instant at, String by, long position,
                            long version) implements StatusChange {
    }

    /** The migration reached a version without anyone changing it (a refusal), so since when and by whom stay. */
    record VersionReached(String migrationId, long position, long version) implements StatusChange {
    }

    /** A wave's new runbook, its steps all pending; it replaces the wave's earlier runbook. */
    record RunbookBegan(String migrationId, String wave, String purpose, int run, List<StepLine> steps,
                        long position) implements StatusChange {
    }

    /** One step of a wave's runbook changed state; a null duration or detail leaves none. */
    record RunbookStepChanged(String migrationId, String wave, int step, String state, Long durationMillis,
                              String detail, long position) implements StatusChange {
    }

    /** A wave's runbook changed state: running, stalled or completed (with its total). */
    record RunbookStateChanged(String migrationId, String wave, String state, Long totalMillis, long position)
            implements StatusChange {
    }

    /** A step as a runbook lists it. */
    record StepLine(String kind, String description) {
    }
}
