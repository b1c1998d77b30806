package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.CheckStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation results as {@code dimmer validate} and {@code dimmer report} print them: a table per wave (validation,
 * kind, status, summary) or one JSON object
 * {@code {"migration", "waves": [{"name", "validations": [{"name", "kind", "status", "summary", "at", "run_id",
 * "figures", "differences"}]}]}}.
 */
public final class ValidationReportText {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ValidationReportText() {
    }

    public static String json(String migration, List<ReportedWave> waves) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("migration", migration);
        List<Map<String, Object>> waveList = new ArrayList<>();
        for (ReportedWave wave : waves) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", wave.name());
            List<Map<String, Object>> validations = new ArrayList<>();
            for (ReportedCheck check : wave.validations()) {
                CheckResult result = check.result();
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("name", result.validation());
                v.put("kind", result.kind());
                v.put("status", result.status().label());
                v.put("summary", result.summary());
                v.put("at", check.at() == null ? null : check.at().toString());
                v.put("run_id", check.runId());
                v.put("figures", result.figures());
                v.put("differences", result.differences());
                validations.add(v);
            }
            entry.put("validations", validations);
            waveList.add(entry);
        }
        out.put("waves", waveList);
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("validation results hold only JSON values", e);
        }
    }

    /** One table per wave, then a line that counts the outcomes. */
    public static String table(String migration, List<ReportedWave> waves) {
        StringBuilder out = new StringBuilder();
        Map<CheckStatus, Integer> counts = new EnumMap<>(CheckStatus.class);
        for (ReportedWave wave : waves) {
            out.append(migration).append(" / wave ").append(wave.name()).append('\n');
            if (wave.validations().isEmpty()) {
                out.append("  no validations\n");
                continue;
            }
            TextTable table = new TextTable("VALIDATION", "KIND", "STATUS", "SUMMARY");
            for (ReportedCheck check : wave.validations()) {
                CheckResult result = check.result();
                counts.merge(result.status(), 1, Integer::sum);
                table.row(result.validation(), result.kind(), mark(result.status()), withoutName(result));
            }
            out.append(table.render("  "));
        }
        List<String> totals = new ArrayList<>();
        counts.forEach((status, count) -> totals.add(count + " " + status.label()));
        out.append(totals.isEmpty() ? "nothing ran" : String.join(", ", totals)).append('\n');
        return out.toString();
    }

    /** ✓ passed, ✗ failed, ! errored: the sign for a glance, the word for screen readers and grep. */
    public static String mark(CheckStatus status) {
        return switch (status) {
            case PASSED -> "✓ passed";
            case FAILED -> "✗ failed";
            case ERRORED -> "! errored";
            case NEVER -> "- never";
        };
    }

    private static String withoutName(CheckResult result) {
        String prefix = result.validation() + ": ";
        return result.summary().startsWith(prefix) ? result.summary().substring(prefix.length()) : result.summary();
    }
}
