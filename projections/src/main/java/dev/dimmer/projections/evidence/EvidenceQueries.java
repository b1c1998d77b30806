package dev.dimmer.projections.evidence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.dimmer.api.evidence.FindValidationReportQuery;
import dev.dimmer.api.evidence.FindValidationRunQuery;
import dev.dimmer.api.evidence.FindValidationRunsQuery;
import dev.dimmer.api.evidence.ValidationLatestView;
import dev.dimmer.api.evidence.ValidationReportView;
import dev.dimmer.api.evidence.ValidationRunView;
import dev.dimmer.api.evidence.ValidationRunsView;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.queryhandling.QueryHandler;

/** Answers the validation report and the run history from the report's tables. */
@Singleton
public class EvidenceQueries {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String RESULT_COLUMNS = "validation, kind, status, at, run_id, summary, figures::text, "
            + "differences::text, duration_ms";
    // each planned validation with its latest result, if any; a result is the latest by log position
    private static final String REPORT = """
            SELECT p.wave, p.validation, p.kind, r.status, r.at, r.run_id, r.summary, r.figures::text,
                   r.differences::text, r.duration_ms
              FROM validation_plan p
              LEFT JOIN LATERAL (SELECT * FROM validation_result x
                                  WHERE x.migration_id = p.migration_id AND x.validation = p.validation
                                  ORDER BY x.position DESC LIMIT 1) r ON true
             WHERE p.migration_id = ? AND (?::text IS NULL OR p.wave = ?)
             ORDER BY p.wave, p.ordinal""";
    private static final String WAVE_ORDER = """
            SELECT name FROM status_wave WHERE migration_id = ? ORDER BY ordinal""";
    private static final String RUNS = """
            SELECT run_id, wave, requested_at, requested_by, channel, validations, completed_at, passed, failed,
                   errored, duration_ms
              FROM validation_run WHERE migration_id = ? AND (?::text IS NULL OR wave = ?)
             ORDER BY position DESC LIMIT ?""";
    private static final String ONE_RUN = """
            SELECT run_id, wave, requested_at, requested_by, channel, validations, completed_at, passed, failed,
                   errored, duration_ms
              FROM validation_run WHERE migration_id = ? AND run_id = ?""";
    private static final String RESULTS_OF_RUN = "SELECT " + RESULT_COLUMNS
            + " FROM validation_result WHERE migration_id = ? AND run_id = ? ORDER BY position";
    private final ConnectionProvider connections;
    private final Clock clock;

    public EvidenceQueries(ConnectionProvider connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    @QueryHandler
    public ValidationReportView handle(FindValidationReportQuery query) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = connections.getConnection()) {
            Map<String, List<ValidationLatestView>> waves = new LinkedHashMap<>();
            for (String wave : waveOrder(c, query.migrationId())) {
                if (query.wave() == null || query.wave().equals(wave)) {
                    waves.put(wave, new ArrayList<>());
                }
            }
            try (PreparedStatement s = c.prepareStatement(REPORT)) {
                s.setString(1, query.migrationId());
                s.setString(2, query.wave());
                s.setString(3, query.wave());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String status = r.getString(4);
                        Timestamp at = r.getTimestamp(5);
                        waves.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new ValidationLatestView(
                                r.getString(2), r.getString(3), status == null ? "never" : status,
                                at == null ? null : at.toInstant(), r.getString(6),
                                at == null ? null : Math.max(0, Duration.between(at.toInstant(), now).toSeconds()),
                                r.getString(7), map(r.getString(8)), map(r.getString(9)),
                                status == null ? null : r.getLong(10)));
                    }
                }
            }
            return new ValidationReportView(query.migrationId(), waves.entrySet().stream()
                    .map(e -> new ValidationReportView.Wave(e.getKey(), e.getValue())).toList());
        }
    }

    @QueryHandler
    public ValidationRunsView handle(FindValidationRunsQuery query) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(RUNS)) {
            s.setString(1, query.migrationId());
            s.setString(2, query.wave());
            s.setString(3, query.wave());
            s.setInt(4, Math.max(1, Math.min(query.limit(), 1000)));
            return new ValidationRunsView(query.migrationId(), runs(c, s, query.migrationId(), now));
        }
    }

    @QueryHandler
    public ValidationRunsView handle(FindValidationRunQuery query) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(ONE_RUN)) {
            s.setString(1, query.migrationId());
            s.setString(2, query.runId());
            return new ValidationRunsView(query.migrationId(), runs(c, s, query.migrationId(), now));
        }
    }

    private static List<ValidationRunView> runs(Connection c, PreparedStatement s, String migration, Instant now)
            throws SQLException {
        List<ValidationRunView> runs = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String runId = r.getString(1);
                Timestamp completed = r.getTimestamp(7);
                runs.add(new ValidationRunView(runId, migration, r.getString(2),
                        r.getTimestamp(3).toInstant(), r.getString(4), r.getString(5),
                        r.getString(6).isEmpty() ? List.of() : Arrays.asList(r.getString(6).split(",")),
                        completed == null ? null : completed.toInstant(), integer(r, 8), integer(r, 9),
                        integer(r, 10), completed == null ? null : r.getLong(11),
                        results(c, migration, runId, now)));
            }
        }
        return runs;
    }

    private static List<ValidationLatestView> results(Connection c, String migration, String runId, Instant now)
            throws SQLException {
        List<ValidationLatestView> results = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(RESULTS_OF_RUN)) {
            s.setString(1, migration);
            s.setString(2, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant at = r.getTimestamp(4).toInstant();
                    results.add(new ValidationLatestView(r.getString(1), r.getString(2), r.getString(3), at,
                            r.getString(5), Math.max(0, Duration.between(at, now).toSeconds()), r.getString(6),
                            map(r.getString(7)), map(r.getString(8)), r.getLong(9)));
                }
            }
        }
        return results;
    }

    private static List<String> waveOrder(Connection c, String migration) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(WAVE_ORDER)) {
            s.setString(1, migration);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }

    private static Integer integer(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    private static Map<String, Object> map(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return EvidenceProjection.JSON.readValue(json, MAP);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable figures in the validation report: " + e.getMessage(), e);
        }
    }
}
