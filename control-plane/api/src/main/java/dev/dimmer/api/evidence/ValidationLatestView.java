package dev.dimmer.api.evidence;

import java.time.Instant;
import java.util.Map;

/**
 * A validation's latest result as the report shows it: status {@code passed}, {@code failed}, {@code errored} or
 * {@code never} (no result yet; then the time, run and figures are empty), its age in seconds when read, the one-line
 * summary and the figures and differences the check measured.
 */
public record ValidationLatestView(String name, String kind, String status, Instant at, String runId,
                                   Long ageSeconds, String summary, Map<String, Object> figures,
                                   Map<String, Object> differences, Long durationMs) {
    public ValidationLatestView {
        figures = figures == null ? Map.of() : figures;
        differences = differences == null ? Map.of() : differences;
    }
}
