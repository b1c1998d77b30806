package dev.dimmer.projections.status;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.status.MigrationStatusView;
import dev.dimmer.api.status.WaveStatusView;
import dev.dimmer.projections.status.StatusChange.MigrationRegistered;
import dev.dimmer.projections.status.StatusChange.MigrationTouched;
import dev.dimmer.projections.status.StatusChange.VersionReached;
import dev.dimmer.projections.status.StatusChange.WaveDeclared;
import dev.dimmer.projections.status.StatusChange.WaveMoved;
import dev.dimmer.projections.status.StatusChange.WavesRemovedBefore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One migration's status board in memory: the same changes {@link StatusRows} writes, with the same guards (a row
 * takes a change only from a later position), so replaying a migration's events gives the board the live view
 * showed after them. Times are kept to the microsecond, as the view's {@code timestamptz} columns keep them.
 */
public final class StatusBoard {
    private final String migrationId;
    private Row migration;
    private final Map<String, WaveRow> waves = new LinkedHashMap<>();
    private final Map<String, RunbookRow> runbooks = new LinkedHashMap<>();

    public StatusBoard(String migrationId) {
        this.migrationId = migrationId;
    }

    public void apply(StatusChange change) {
        if (!change.migrationId().equals(migrationId)) {
            return;
        }
        if (change instanceof MigrationRegistered c) {
            if (migration == null) {
                migration = new Row(c.title(), "active", stored(c.at()), c.by(), c.position(), c.version());
            }
        } else if (change instanceof WaveDeclared c) {
            WaveRow wave = waves.get(c.wave());
            if (wave == null) {
                waves.put(c.wave(), new WaveRow(c.wave(), c.ordinal(), Phase.PLANNED, 0, stored(c.at()), c.by(),
                        c.dependsOn(), c.canarySteps(), c.position()));
            } else if (wave.position < c.position()) {
                wave.ordinal = c.ordinal();
                wave.dependsOn = c.dependsOn();
                wave.canarySteps = c.canarySteps();
                wave.position = c.position();
            }
        } else if (change instanceof WavesRemovedBefore c) {
            waves.values().removeIf(w -> w.position < c.position());
        } else if (change instanceof WaveMoved c) {
            WaveRow wave = waves.get(c.wave());
            if (wave != null && wave.position < c.position()) {
                wave.phase = c.phase();
                wave.weight = c.weight();
                wave.since = stored(c.at());
                wave.by = c.by();
                wave.position = c.position();
            }
            if (migration != null && migration.position < c.position()) {
                migration.touch(null, null, stored(c.at()), c.by(), c.position(), c.version());
            }
        } else if (change instanceof MigrationTouched c) {
            if (migration != null && migration.position < c.position()) {
                migration.touch(c.title(), c.state(), stored(c.at()), c.by(), c.position(), c.version());
            }
        } else if (change instanceof VersionReached c) {
            if (migration != null && migration.position < c.position()) {
                migration.position = c.position();
                migration.version = c.version();
            }
        } else if (change instanceof StatusChange.RunbookBegan c) {
            RunbookRow row = runbooks.get(c.wave());
            if (row == null || row.position < c.position()) {
                runbooks.put(c.wave(), new RunbookRow(c));
            }
        } else if (change instanceof StatusChange.RunbookStepChanged c) {
            RunbookRow row = runbooks.get(c.wave());
            if (row != null && c.step() < row.steps.size() && row.steps.get(c.step()).position < c.position()) {
                row.steps.set(c.step(), row.steps.get(c.step()).changed(c));
            }
        } else if (change instanceof StatusChange.RunbookStateChanged c) {
            RunbookRow row = runbooks.get(c.wave());
            if (row != null && row.position < c.position()) {
                row.state = c.state();
                row.totalMillis = c.totalMillis();
                row.position = c.position();
            }
        } else {
            throw new IllegalArgumentException("no rule for " + change);
        }
    }

    /** Whether the migration was registered by the changes applied so far. */
    public boolean registered() {
        return migration != null;
    }

    /** The migration as the status query answers it; only for a registered migration. */
    public MigrationStatusView view() {
        if (migration == null) {
            throw new IllegalStateException("migration " + migrationId + " is not registered yet");
        }
        List<WaveStatusView> rows = new ArrayList<>();
        waves.values().stream().sorted(Comparator.comparingInt(w -> w.ordinal)).forEach(w -> rows.add(
                new WaveStatusView(w.name, w.phase, w.weight, w.since, w.by, w.dependsOn, w.canarySteps,
                        runbooks.containsKey(w.name) ? runbooks.get(w.name).view() : null)));
        return new MigrationStatusView(migrationId, migration.title, migration.state, migration.updatedAt,
                migration.updatedBy, migration.position, migration.version, rows);
    }

    /** A wave's row, or null when the board has none by that name. */
    public WaveStatusView wave(String name) {
        return view().waves().stream().filter(w -> w.name().equals(name)).findFirst().orElse(null);
    }

    // PostgreSQL keeps microseconds and rounds the nanoseconds the driver sends, half up
    static Instant stored(Instant at) {
        return at == null ? null : at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static final class Row {
        String title;
        String state;
        Instant updatedAt;
        String updatedBy;
        long position;
        long version;

        Row(String title, String state, Instant updatedAt, String updatedBy, long position, long version) {
            this.title = title;
            this.state = state;
            this.updatedAt = updatedAt;
            this.updatedBy = updatedBy;
            this.position = position;
            this.version = version;
        }

        void touch(String title, String state, Instant at, String by, long position, long version) {
            this.title = title == null ? this.title : title;
            this.state = state == null ? this.state : state;
            this.updatedAt = at;
            this.updatedBy = by;
            this.position = position;
            this.version = version;
        }
    }

    private static final class WaveRow {
        final String name;
        int ordinal;
        Phase phase;
        int weight;
        Instant since;
        String by;
        List<String> dependsOn;
        List<Integer> canarySteps;
        long position;

        WaveRow(String name, int ordinal, Phase phase, int weight, Instant since, String by, List<String> dependsOn,
                List<Integer> canarySteps, long position) {
            this.name = name;
            this.ordinal = ordinal;
            this.phase = phase;
            this.weight = weight;
            this.since = since;
            this.by = by;
            this.dependsOn = dependsOn;
            this.canarySteps = canarySteps;
            this.position = position;
        }
    }

    private static final class RunbookRow {
        final String purpose;
        final int run;
        String state = "running";
        Long totalMillis;
        long position;
        final List<StepRow> steps = new ArrayList<>();

        RunbookRow(StatusChange.RunbookBegan began) {
            this.purpose = began.purpose();
            this.run = began.run();
            this.position = began.position();
            began.steps().forEach(line -> steps.add(new StepRow(line.kind(), line.description(), "pending", null,
                    null, began.position())));
        }

        dev.dimmer.api.status.RunbookStatusView view() {
            List<dev.dimmer.api.status.RunbookStatusView.Step> lines = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                StepRow step = steps.get(i);
                lines.add(new dev.dimmer.api.status.RunbookStatusView.Step(i, step.kind(), step.description(),
                        step.state(), step.durationMillis(), step.detail()));
            }
            return new dev.dimmer.api.status.RunbookStatusView(purpose, run, state, totalMillis, lines);
        }
    }

    private record StepRow(String kind, String description, String state, Long durationMillis, String detail,
                           long position) {
        StepRow changed(StatusChange.RunbookStepChanged change) {
            return new StepRow(kind, description, change.state(),
                    change.durationMillis() == null ? durationMillis : change.durationMillis(),
                    change.detail() == null ? detail : change.detail(), change.position());
        }
    }
}
