package dev.dimmer.deploy.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.migration.Phase;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.jdbc.ConnectionProvider;

/**
 * The pages' own reads of the views' tables: failing checks across migrations, a migration's wave timelines
 * and its validation figures over time. Each is one statement.
 */
@Singleton
final class PageQueries {
    private static final ObjectMapper JSON = new ObjectMapper();
    // per migration, the newest result of any validation whose own newest result failed or errored
    private static final String FAILING = """
            SELECT DISTINCT ON (r.migration_id) r.migration_id, r.wave, r.validation, r.status, r.at, r.summary
              FROM validation_result r
             WHERE r.status IN ('failed', 'errored')
               AND NOT EXISTS (SELECT 1 FROM validation_result x WHERE x.migration_id = r.migration_id
                                  AND x.validation = r.validation AND x.position > r.position)
             ORDER BY r.migration_id, r.position DESC""";
    private static final String TIMELINE = """
            SELECT position, time, wave, type, actor_name, reason, payload::text FROM audit_entry
             WHERE migration_id = ? AND wave IS NOT NULL
               AND type IN ('WaveAdvancedEvent', 'CanaryWeightRaisedEvent', 'CutoverStartedEvent',
                            'WaveRolledBackEvent', 'SwitchKilledEvent')
             ORDER BY position""";
    private static final String FIGURES = """
            SELECT validation, wave, at, status, figures::text FROM (
                SELECT validation, wave, at, status, figures, position FROM validation_result
                 WHERE migration_id = ? ORDER BY position DESC LIMIT 2000) newest
             ORDER BY position""";
    private final ConnectionProvider connections;

    PageQueries(ConnectionProvider connections) {
        this.connections = connections;
    }

    Map<String, FailingCheck> failing() throws SQLException {
        Map<String, FailingCheck> found = new HashMap<>();
        try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(FAILING);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                found.put(r.getString(1), new FailingCheck(r.getString(2), r.getString(3), r.getString(4),
                        r.getTimestamp(5).toInstant(), r.getString(6)));
            }
        }
        return found;
    }

    /** Each wave's moves, oldest first. */
    Map<String, List<Moment>> timelines(String migration) throws SQLException {
        Map<String, List<Moment>> byWave = new LinkedHashMap<>();
        try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(TIMELINE)) {
            s.setString(1, migration);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    JsonNode payload = read(r.getString(7));
                    String type = r.getString(4);
                    boolean rollback = type.equals("WaveRolledBackEvent");
                    boolean kill = type.equals("SwitchKilledEvent");
                    PhaseStyle style;
                    String what;
                    if (kill) {
                        style = PhaseStyle.ROLLED_BACK;
                        what = "switch " + payload.path("routingSwitch").asText() + " killed: reads on the source";
                    } else {
                        // only the advance carries its phase; the others' phases follow from their type
                        Phase phase = switch (type) {
                            case "CanaryWeightRaisedEvent" -> Phase.CANARY;
                            case "CutoverStartedEvent" -> Phase.CUTOVER;
                            case "WaveRolledBackEvent" -> Phase.SHADOW;
                            default -> Phase.valueOf(payload.path("phase").asText("PLANNED"));
                        };
                        int weight = phase == Phase.CANARY ? payload.path("weight").asInt() : 0;
                        style = rollback ? PhaseStyle.ROLLED_BACK : PhaseStyle.of(phase);
                        what = rollback ? "rolled back from " + Fmt.phase(Phase.valueOf(payload.path("from")
                                .asText("CANARY")), payload.path("fromWeight").asInt()) + " to " + phase.label()
                                : "to " + Fmt.phase(phase, weight);
                        String cause = payload.path("cause").asText("");
                        if (rollback && !cause.isBlank() && !"null".equals(cause)) {
                            what += " by itself: " + cause;
                        }
                    }
                    byWave.computeIfAbsent(r.getString(3), k -> new ArrayList<>()).add(new Moment(
                            r.getTimestamp(2).toInstant(), style, what, r.getString(5), r.getString(6),
                            rollback || kill, r.getLong(1)));
                }
            }
        }
        return byWave;
    }

    /** Each validation's numeric figures over its newest results, in plan-independent order of first sight. */
    List<Trend> trends(String migration) throws SQLException {
        record Row(Instant at, String status, Map<String, String> values) {
        }
        Map<String, String> waveOf = new LinkedHashMap<>();
        Map<String, Set<String>> series = new LinkedHashMap<>();
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(FIGURES)) {
            s.setString(1, migration);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String validation = r.getString(1);
                    waveOf.putIfAbsent(validation, r.getString(2));
                    Map<String, String> values = new LinkedHashMap<>();
                    JsonNode figures = read(r.getString(5));
                    for (Iterator<Map.Entry<String, JsonNode>> it = figures.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> figure = it.next();
                        if (figure.getValue().isNumber()) {
                            values.put(figure.getKey(), figure.getValue().asText());
                        }
                    }
                    series.computeIfAbsent(validation, k -> new LinkedHashSet<>()).addAll(values.keySet());
                    rows.computeIfAbsent(validation, k -> new ArrayList<>()).add(new Row(
                            r.getTimestamp(3).toInstant(), r.getString(4), values));
                }
            }
        }
        List<Trend> trends = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<Row>> entry : rows.entrySet()) {
            List<String> names = List.copyOf(series.get(entry.getKey()));
            if (names.isEmpty()) {
                continue;
            }
            List<TrendRow> lines = entry.getValue().stream().map(row -> new TrendRow(row.at(), row.status(),
                    names.stream().map(name -> row.values().getOrDefault(name, "")).toList())).toList();
            trends.add(new Trend("trend-" + (++n), entry.getKey(), waveOf.get(entry.getKey()), names, lines));
        }
        return trends;
    }

    private static JsonNode read(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
