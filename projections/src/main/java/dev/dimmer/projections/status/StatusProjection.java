package dev.dimmer.projections.status;

import dev.dimmer.api.audit.AuditMetadata;
import dev.dimmer.api.audit.LogPosition;
import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.WaveEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.projections.jdbc.StatementBatch;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * The status board: each migration and wave with its phase, weight, since when and by whom. Writes are guarded by
 * the event's global position, so handling an event twice changes nothing.
 */
@Singleton
@ProcessingGroup(StatusProjection.GROUP)
public class StatusProjection {
    public static final String GROUP = "projections";

    private static final String REGISTER_MIGRATION = """
            INSERT INTO status_migration (id, title, state, updated_at, updated_by, position, version)
            VALUES (?, ?, 'active', ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING""";
    private static final String TOUCH_MIGRATION = """
            UPDATE status_migration SET title = coalesce(?, title), state = coalesce(?, state), updated_at = ?,
                   updated_by = ?, position = ?, version = ?
             WHERE id = ? AND position < ?""";
    private static final String UPSERT_WAVE = """
            INSERT INTO status_wave (migration_id, name, ordinal, phase, weight, since, by_actor, depends_on,
                                     canary_steps, position)
            VALUES (?, ?, ?, 'PLANNED', 0, ?, ?, ?, ?, ?)
            ON CONFLICT (migration_id, name) DO UPDATE
               SET ordinal = EXCLUDED.ordinal, depends_on = EXCLUDED.depends_on,
                   canary_steps = EXCLUDED.canary_steps, position = EXCLUDED.position
             WHERE status_wave.position < EXCLUDED.position""";
    private static final String DROP_REMOVED_WAVES = """
            DELETE FROM status_wave WHERE migration_id = ? AND position < ?""";
    private static final String MOVE_WAVE = """
            WITH moved AS (
                UPDATE status_wave SET phase = ?, weight = ?, since = ?, by_actor = ?, position = ?
                 WHERE migration_id = ? AND name = ? AND position < ?)
            UPDATE status_migration SET updated_at = ?, updated_by = ?, position = ?, version = ?
             WHERE id = ? AND position < ?""";
    private static final String FOLLOW_VERSION = """
            UPDATE status_migration SET position = ?, version = ? WHERE id = ? AND position < ?""";

    private final ConnectionProvider connections;

    public StatusProjection(ConnectionProvider connections) {
        this.connections = connections;
    }

    @EventHandler
    void on(MigrationRegisteredEvent event, EventMessage<?> message, @SequenceNumber long version,
            @MetaDataValue(AuditMetadata.ACTOR_NAME) String by) {
        long position = LogPosition.of(message);
        StatementBatch.write(this, connections, REGISTER_MIGRATION, s -> {
            s.setString(1, event.migrationId());
            s.setString(2, event.plan().title());
            s.setTimestamp(3, Timestamp.from(event.at()));
            s.setString(4, by);
            s.setLong(5, position);
            s.setLong(6, version);
        });
        upsertWaves(event.migrationId(), event.plan(), event.at(), by, position);
    }

    @EventHandler
    void on(PlanRevisedEvent event, EventMessage<?> message, @SequenceNumber long version,
            @MetaDataValue(AuditMetadata.ACTOR_NAME) String by) {
        long position = LogPosition.of(message);
        upsertWaves(event.migrationId(), event.plan(), event.at(), by, position);
        // waves still behind this position are the ones the revised plan no longer names
        StatementBatch.write(this, connections, DROP_REMOVED_WAVES, s -> {
            s.setString(1, event.migrationId());
            s.setLong(2, position);
        });
        touch(event.migrationId(), event.plan().title(), null, event.at(), by, position, version);
    }

    @EventHandler
    void on(WaveEvent event, EventMessage<?> message, @SequenceNumber long version,
            @MetaDataValue(AuditMetadata.ACTOR_NAME) String by) {
        long position = LogPosition.of(message);
        Timestamp at = Timestamp.from(event.at());
        // the wave's row ends where its last move of a batch leaves it; the migration's row keeps the highest position
        StatementBatch.write(this, connections, MOVE_WAVE, List.of(event.migrationId(), event.wave()), s -> {
            s.setString(1, event.phase().name());
            s.setInt(2, event.weight());
            s.setTimestamp(3, at);
            s.setString(4, by);
            s.setLong(5, position);
            s.setString(6, event.migrationId());
            s.setString(7, event.wave());
            s.setLong(8, position);
            s.setTimestamp(9, at);
            s.setString(10, by);
            s.setLong(11, position);
            s.setLong(12, version);
            s.setString(13, event.migrationId());
            s.setLong(14, position);
        });
    }

    @EventHandler
    void on(MigrationAbortedEvent event, EventMessage<?> message, @SequenceNumber long version,
            @MetaDataValue(AuditMetadata.ACTOR_NAME) String by) {
        touch(event.migrationId(), null, "aborted", event.at(), by, LogPosition.of(message), version);
    }

    // a refusal updates nothing about the migration: only the view's version moves on, so it keeps up with the log
    @EventHandler
    void on(CommandRefusedEvent event, EventMessage<?> message, @SequenceNumber long version) {
        long position = LogPosition.of(message);
        StatementBatch.write(this, connections, FOLLOW_VERSION, s -> {
            s.setLong(1, position);
            s.setLong(2, version);
            s.setString(3, event.migrationId());
            s.setLong(4, position);
        });
    }

    // go/no-go ballots change no wave, but the view must still reach the migration's version
    @EventHandler
    void on(MigrationEvent event, EventMessage<?> message, @SequenceNumber long version,
            @MetaDataValue(AuditMetadata.ACTOR_NAME) String by) {
        touch(event.migrationId(), null, null, event.at(), by, LogPosition.of(message), version);
    }

    // DELETE, not TRUNCATE: inside a rebuild's transaction readers go on seeing the old rows until the commit
    @ResetHandler
    void reset() {
        StatementBatch.write(this, connections, "DELETE FROM status_wave", s -> {
        });
        StatementBatch.write(this, connections, "DELETE FROM status_migration", s -> {
        });
    }

    private void upsertWaves(String migrationId, MigrationPlan plan, Instant at, String by, long position) {
        List<WavePlan> waves = plan.waves();
        for (int i = 0; i < waves.size(); i++) {
            WavePlan wave = waves.get(i);
            int ordinal = i;
            StatementBatch.write(this, connections, UPSERT_WAVE, s -> {
                s.setString(1, migrationId);
                s.setString(2, wave.name());
                s.setInt(3, ordinal);
                s.setTimestamp(4, Timestamp.from(at));
                s.setString(5, by);
                s.setString(6, String.join(",", wave.dependsOn()));
                s.setString(7, wave.canarySteps().stream().map(String::valueOf).collect(Collectors.joining(",")));
                s.setLong(8, position);
            });
        }
    }

    private void touch(String id, String title, String state, Instant at, String by, long position, long version) {
        StatementBatch.write(this, connections, TOUCH_MIGRATION, s -> {
            s.setString(1, title);
            s.setString(2, state);
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, by);
            s.setLong(5, position);
            s.setLong(6, version);
            s.setString(7, id);
            s.setLong(8, position);
        });
    }
}
