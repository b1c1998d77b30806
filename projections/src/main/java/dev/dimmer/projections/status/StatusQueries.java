package dev.dimmer.projections.status;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.status.FindMigrationQuery;
import dev.dimmer.api.status.FindMigrationsQuery;
import dev.dimmer.api.status.MigrationListView;
import dev.dimmer.api.status.MigrationStatusView;
import dev.dimmer.api.status.RunbookStatusView;
import dev.dimmer.api.status.StatusVersions;
import dev.dimmer.api.status.StatusVersionsQuery;
import dev.dimmer.api.status.WaveStatusView;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.queryhandling.QueryHandler;

/** Answers status queries from the status board's tables. */
@Singleton
public class StatusQueries {
    private static final String MIGRATIONS = """
            SELECT id, title, state, updated_at, updated_by, position, version FROM status_migration
             WHERE (?::text IS NULL OR id = ?) ORDER BY id""";
    private static final String WAVES = """
            SELECT migration_id, name, phase, weight, since, by_actor, depends_on, canary_steps FROM status_wave
             WHERE (?::text IS NULL OR migration_id = ?) ORDER BY migration_id, ordinal""";
    private static final String RUNBOOKS = """
            SELECT r.migration_id, r.wave, r.purpose, r.run, r.state, r.total_millis, s.step, s.kind, s.description,
                   s.state, s.duration_millis, s.detail
              FROM status_runbook r JOIN status_runbook_step s ON s.migration_id = r.migration_id AND s.wave = r.wave
             WHERE (?::text IS NULL OR r.migration_id = ?) ORDER BY r.migration_id, r.wave, s.step""";
    private static final String VERSIONS = "SELECT id, version FROM status_migration WHERE id = ANY(?)";
    private final ConnectionProvider connections;

    public StatusQueries(ConnectionProvider connections) {
        this.connections = connections;
    }

    @QueryHandler
    public MigrationListView handle(FindMigrationsQuery query) throws SQLException {
        return new MigrationListView(load(null));
    }

    @QueryHandler
    public Optional<MigrationStatusView> handle(FindMigrationQuery query) throws SQLException {
        return load(query.migrationId()).stream().findFirst();
    }

    @QueryHandler
    public StatusVersions handle(StatusVersionsQuery query) throws SQLException {
        Map<String, Long> versions = new LinkedHashMap<>();
        try (Connection c = connections.getConnection();
             PreparedStatement s = c.prepareStatement(VERSIONS)) {
            s.setArray(1, c.createArrayOf("text", query.migrationIds().toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    versions.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return new StatusVersions(versions);
    }

    private List<MigrationStatusView> load(String id) throws SQLException {
        try (Connection c = connections.getConnection()) {
            Map<List<String>, RunbookStatusView> runbooks = runbooks(c, id);
            Map<String, List<WaveStatusView>> waves = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(WAVES)) {
                s.setString(1, id);
                s.setString(2, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        waves.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new WaveStatusView(
                                r.getString(2), Phase.valueOf(r.getString(3)), r.getInt(4),
                                r.getTimestamp(5).toInstant(), r.getString(6), split(r.getString(7)),
                                split(r.getString(8)).stream().map(Integer::valueOf).toList(),
                                runbooks.get(List.of(r.getString(1), r.getString(2)))));
                    }
                }
            }
            List<MigrationStatusView> migrations = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(MIGRATIONS)) {
                s.setString(1, id);
                s.setString(2, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        migrations.add(new MigrationStatusView(r.getString(1), r.getString(2), r.getString(3),
                                r.getTimestamp(4).toInstant(), r.getString(5), r.getLong(6), r.getLong(7),
                                waves.getOrDefault(r.getString(1), List.of())));
                    }
                }
            }
            return migrations;
        }
    }

    private static Map<List<String>, RunbookStatusView> runbooks(Connection c, String id) throws SQLException {
        Map<List<String>, RunbookStatusView> runbooks = new LinkedHashMap<>();
        Map<List<String>, List<RunbookStatusView.Step>> steps = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(RUNBOOKS)) {
            s.setString(1, id);
            s.setString(2, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<String> key = List.of(r.getString(1), r.getString(2));
                    List<RunbookStatusView.Step> lines = steps.computeIfAbsent(key, k -> new ArrayList<>());
                    lines.add(new RunbookStatusView.Step(r.getInt(7), r.getString(8), r.getString(9),
                            r.getString(10), nullableLong(r, 11), r.getString(12)));
                    runbooks.put(key, new RunbookStatusView(r.getString(3), r.getInt(4), r.getString(5),
                            nullableLong(r, 6), lines));
                }
            }
        }
        return runbooks;
    }

    private static Long nullableLong(ResultSet r, int column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
