package dev.dimmer.projections.status;

import dev.dimmer.projections.jdbc.NamedSql;
import dev.dimmer.projections.jdbc.StatementBatch;
import dev.dimmer.projections.status.StatusChange.MigrationRegistered;
import dev.dimmer.projections.status.StatusChange.MigrationTouched;
import dev.dimmer.projections.status.StatusChange.VersionReached;
import dev.dimmer.projections.status.StatusChange.WaveDeclared;
import dev.dimmer.projections.status.StatusChange.WaveMoved;
import dev.dimmer.projections.status.StatusChange.WavesRemovedBefore;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * The status board's tables, {@code status_migration} and {@code status_wave}: each change becomes its statement,
 * queued in the processor batch (see {@link StatementBatch}). Every statement skips a row that has already taken a
 * change from this position or a later one.
 */
final class StatusRows {
    private static final NamedSql REGISTER_MIGRATION = NamedSql.of("""
            INSERT INTO status_migration (id, title, state, updated_at, updated_by, position, version)
            VALUES (:id, :title, 'active', :at, :by, :position, :version)
            ON CONFLICT (id) DO NOTHING""");
    private static final NamedSql DECLARE_WAVE = NamedSql.of("""
            INSERT INTO status_wave (migration_id, name, ordinal, phase, weight, since, by_actor, depends_on,
                                     canary_steps, position)
            VALUES (:migration_id, :name, :ordinal, 'PLANNED', 0, :at, :by, :depends_on, :canary_steps, :position)
            ON CONFLICT (migration_id, name) DO UPDATE
               SET ordinal = EXCLUDED.ordinal, depends_on = EXCLUDED.depends_on,
                   canary_steps = EXCLUDED.canary_steps, position = EXCLUDED.position
             WHERE status_wave.position < EXCLUDED.position""");
    private static final NamedSql REMOVE_WAVES_BEFORE = NamedSql.of("""
            DELETE FROM status_wave WHERE migration_id = :migration_id AND position < :position""");
    private static final NamedSql MOVE_WAVE = NamedSql.of("""
            WITH moved AS (
                UPDATE status_wave SET phase = :phase, weight = :weight, since = :at, by_actor = :by,
                                       position = :position
                 WHERE migration_id = :migration_id AND name = :wave AND position < :position)
            UPDATE status_migration SET updated_at = :at, updated_by = :by, position = :position, version = :version
             WHERE id = :migration_id AND position < :position""");
    private static final NamedSql TOUCH_MIGRATION = NamedSql.of("""
            UPDATE status_migration SET title = coalesce(:title, title), state = coalesce(:state, state),
                   updated_at = :at, updated_by = :by, position = :position, version = :version
             WHERE id = :id AND position < :position""");
    private static final NamedSql REACH_VERSION = NamedSql.of("""
            UPDATE status_migration SET position = :position, version = :version
             WHERE id = :id AND position < :position""");

    private static final NamedSql BEGIN_RUNBOOK = NamedSql.of("""
            INSERT INTO status_runbook (migration_id, wave, purpose, run, state, total_millis, position)
            VALUES (:migration_id, :wave, :purpose, :run, 'running', NULL, :position)
            ON CONFLICT (migration_id, wave) DO UPDATE
               SET purpose = EXCLUDED.purpose, run = EXCLUDED.run, state = 'running', total_millis = NULL,
                   position = EXCLUDED.position
             WHERE status_runbook.position < EXCLUDED.position""");
    private static final NamedSql DROP_STEPS_FROM = NamedSql.of("""
            DELETE FROM status_runbook_step WHERE migration_id = :migration_id AND wave = :wave
               AND position < :position AND step >= :from_step""");
    private static final NamedSql LIST_STEP = NamedSql.of("""
            INSERT INTO status_runbook_step (migration_id, wave, step, kind, description, state, duration_millis,
                                             detail, position)
            VALUES (:migration_id, :wave, :step, :kind, :description, 'pending', NULL, NULL, :position)
            ON CONFLICT (migration_id, wave, step) DO UPDATE
               SET kind = EXCLUDED.kind, description = EXCLUDED.description, state = 'pending',
                   duration_millis = NULL, detail = NULL, position = EXCLUDED.position
             WHERE status_runbook_step.position < EXCLUDED.position""");
    private static final NamedSql CHANGE_STEP = NamedSql.of("""
            UPDATE status_runbook_step SET state = :state, duration_millis = coalesce(:duration_millis, duration_millis),
                   detail = coalesce(:detail, detail), position = :position
             WHERE migration_id = :migration_id AND wave = :wave AND step = :step AND position < :position""");
    private static final NamedSql CHANGE_RUNBOOK = NamedSql.of("""
            UPDATE status_runbook SET state = :state, total_millis = :total_millis, position = :position
             WHERE migration_id = :migration_id AND wave = :wave AND position < :position""");

    private final ConnectionProvider connections;

    StatusRows(ConnectionProvider connections) {
        this.connections = connections;
    }

    void write(StatusChange change) {
        if (change instanceof MigrationRegistered c) {
            queue(REGISTER_MIGRATION, p -> p.text("id", c.migrationId()).text("title", c.title())
                    .timestamp("at", c.at()).text("by", c.by()).bigint("position", c.position())
                    .bigint("version", c.version()));
        } else if (change instanceof WaveDeclared c) {
            queue(DECLARE_WAVE, p -> p.text("migration_id", c.migrationId()).text("name", c.wave())
                    .integer("ordinal", c.ordinal()).timestamp("at", c.at()).text("by", c.by())
                    .text("depends_on", String.join(",", c.dependsOn()))
                    .text("canary_steps", c.canarySteps().stream().map(String::valueOf)
                            .collect(Collectors.joining(",")))
                    .bigint("position", c.position()));
        } else if (change instanceof WavesRemovedBefore c) {
            queue(REMOVE_WAVES_BEFORE, p -> p.text("migration_id", c.migrationId()).bigint("position", c.position()));
        } else if (change instanceof WaveMoved c) {
            // the wave's row ends where its last move of a batch leaves it; the migration's keeps the highest position
            queue(MOVE_WAVE, List.of(c.migrationId(), c.wave()), p -> p.text("migration_id", c.migrationId())
                    .text("wave", c.wave()).text("phase", c.phase().name()).integer("weight", c.weight())
                    .timestamp("at", c.at()).text("by", c.by()).bigint("position", c.position())
                    .bigint("version", c.version()));
        } else if (change instanceof MigrationTouched c) {
            queue(TOUCH_MIGRATION, p -> p.text("id", c.migrationId()).text("title", c.title())
                    .text("state", c.state()).timestamp("at", c.at()).text("by", c.by())
                    .bigint("position", c.position()).bigint("version", c.version()));
        } else if (change instanceof VersionReached c) {
            queue(REACH_VERSION, p -> p.text("id", c.migrationId()).bigint("position", c.position())
                    .bigint("version", c.version()));
        } else if (change instanceof StatusChange.RunbookBegan c) {
            queue(BEGIN_RUNBOOK, p -> p.text("migration_id", c.migrationId()).text("wave", c.wave())
                    .text("purpose", c.purpose()).integer("run", c.run()).bigint("position", c.position()));
            // a shorter runbook than the last one leaves no stale steps behind
            queue(DROP_STEPS_FROM, p -> p.text("migration_id", c.migrationId()).text("wave", c.wave())
                    .bigint("position", c.position()).integer("from_step", c.steps().size()));
            for (int i = 0; i < c.steps().size(); i++) {
                int step = i;
                StatusChange.StepLine line = c.steps().get(i);
                queue(LIST_STEP, p -> p.text("migration_id", c.migrationId()).text("wave", c.wave())
                        .integer("step", step).text("kind", line.kind()).text("description", line.description())
                        .bigint("position", c.position()));
            }
        } else if (change instanceof StatusChange.RunbookStepChanged c) {
            queue(CHANGE_STEP, p -> p.text("migration_id", c.migrationId()).text("wave", c.wave())
                    .integer("step", c.step()).text("state", c.state()).bigintOrNull("duration_millis",
                            c.durationMillis()).text("detail", c.detail()).bigint("position", c.position()));
        } else if (change instanceof StatusChange.RunbookStateChanged c) {
            queue(CHANGE_RUNBOOK, p -> p.text("migration_id", c.migrationId()).text("wave", c.wave())
                    .text("state", c.state()).bigintOrNull("total_millis", c.totalMillis())
                    .bigint("position", c.position()));
        } else {
            throw new IllegalArgumentException("no statement for " + change);
        }
    }

    // DELETE, not TRUNCATE: inside a rebuild's transaction readers go on seeing the old rows until the commit
    void clear() {
        StatementBatch.write(this, connections, "DELETE FROM status_runbook_step", s -> {
        });
        StatementBatch.write(this, connections, "DELETE FROM status_runbook", s -> {
        });
        StatementBatch.write(this, connections, "DELETE FROM status_wave", s -> {
        });
        StatementBatch.write(this, connections, "DELETE FROM status_migration", s -> {
        });
    }

    /** Queues a write that nothing later replaces. */
    private void queue(NamedSql sql, Bind bind) {
        queue(sql, new Object(), bind);
    }

    /** Queues a write that a later one with the same key replaces, within a run of the same statement. */
    private void queue(NamedSql sql, Object key, Bind bind) {
        StatementBatch.write(this, connections, sql.sql(), key, s -> bind.bind(sql.on(s)));
    }

    @FunctionalInterface
    private interface Bind {
        void bind(NamedSql.Parameters parameters) throws SQLException;
    }
}
