package dev.dimmer.deploy.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.validation.ChangedRow;
import dev.dimmer.validation.DiffRequest;
import dev.dimmer.validation.DiffResult;
import dev.dimmer.validation.DiffTimings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Renders a diff result as the human summary or the JSON object of {@code dimmer diff}. */
final class DiffReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 20;

    private DiffReport() {
    }

    static String json(DiffResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("equal", result.equal());
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("source", result.sourceRows());
        rows.put("target", result.targetRows());
        out.put("rows", rows);
        out.put("missing_in_target", keys(result.missingInTarget()));
        out.put("extra_in_target", keys(result.extraInTarget()));
        List<Map<String, Object>> changed = new ArrayList<>();
        for (ChangedRow row : result.changed()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key(row.key()));
            entry.put("columns", row.columns());
            if (!row.values().isEmpty()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (ChangedRow.ChangedValue value : row.values()) {
                    Map<String, Object> sides = new LinkedHashMap<>();
                    sides.put("source", value.source());
                    sides.put("target", value.target());
                    values.put(value.column(), sides);
                }
                entry.put("values", values);
            }
            changed.add(entry);
        }
        out.put("changed", changed);
        out.put("truncated", result.truncated());
        out.put("hash", result.hashMode().name().toLowerCase(Locale.ROOT));
        DiffTimings t = result.timings();
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("total_ms", t.totalMillis());
        timings.put("catalog_ms", t.catalogMillis());
        timings.put("checksum_ms", t.checksumMillis());
        timings.put("bisect_ms", t.bisectMillis());
        timings.put("fetch_ms", t.fetchMillis());
        timings.put("statements", t.statements());
        out.put("timings", timings);
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String human(DiffRequest request, DiffResult result) {
        StringBuilder out = new StringBuilder();
        String tables = request.sourceTable().equals(request.targetTable()) ? request.sourceTable().toString()
                : request.sourceTable() + " -> " + request.targetTable();
        out.append(tables).append(": ").append(result.equal() ? "equal" : result.differences()
                        + (result.truncated() ? "+" : "") + (result.differences() == 1 && !result.truncated()
                        ? " difference" : " differences"))
                .append(String.format(Locale.ROOT, " (%,d source rows, %,d target rows)%n", result.sourceRows(),
                        result.targetRows()));
        section(out, "missing in target", result.missingInTarget().stream().map(DiffReport::text).toList());
        section(out, "extra in target", result.extraInTarget().stream().map(DiffReport::text).toList());
        section(out, "changed", result.changed().stream()
                .map(DiffReport::changedText).toList());
        if (result.truncated()) {
            out.append("stopped at --max-rows ").append(request.maxRows())
                    .append("; raise it to list more differences\n");
        }
        DiffTimings t = result.timings();
        out.append(String.format(Locale.ROOT, "took %.1f s (checksum %.1f s, bisect %.1f s), %d statements, %s hash",
                t.totalMillis() / 1000.0, t.checksumMillis() / 1000.0, t.bisectMillis() / 1000.0, t.statements(),
                result.hashMode().name().toLowerCase(Locale.ROOT)));
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.append(String.format(Locale.ROOT, "  %-18s %d%n", title + ":", rows.size()));
        rows.stream().limit(SHOWN).forEach(row -> out.append("    ").append(row).append('\n'));
        if (rows.size() > SHOWN) {
            out.append("    ... ").append(rows.size() - SHOWN).append(" more (use --json for all)\n");
        }
    }

    /** The key and differing columns; with values, each column as source -> target. */
    private static String changedText(ChangedRow row) {
        if (row.values().isEmpty()) {
            return text(row.key()) + " " + row.columns();
        }
        StringJoiner values = new StringJoiner(", ", " [", "]");
        row.values().forEach(value -> values.add(value.column() + ": " + shown(value.source()) + " -> "
                + shown(value.target())));
        return text(row.key()) + values;
    }

    private static String shown(String value) {
        return value == null ? "NULL" : "'" + value + "'";
    }

    private static String text(Map<String, Object> key) {
        StringJoiner joiner = new StringJoiner(", ");
        key.forEach((column, value) -> joiner.add(column + "=" + value));
        return joiner.toString();
    }

    private static List<Map<String, Object>> keys(List<Map<String, Object>> keys) {
        return keys.stream().map(DiffReport::key).toList();
    }

    /** Numbers, booleans and strings stay as they are; dates, uuids and driver types become their text. */
    private static Map<String, Object> key(Map<String, Object> key) {
        Map<String, Object> out = new LinkedHashMap<>();
        key.forEach((column, value) -> out.put(column, value == null || value instanceof Number
                || value instanceof Boolean || value instanceof String ? value : String.valueOf(value)));
        return out;
    }
}
