package dev.dimmer.api.evidence;

import java.time.Instant;
import java.util.Map;

/** The validation could not run (connection refused, bad password, missing variable, table gone, timeout, no data); the summary says why in one line. */
public record ValidationErroredEvent(String migrationId, String wave, String runId, String validation, String kind,
                                     String summary, Map<String, Object> figures, Map<String, Object> differences,
                                     long durationMillis, Instant at) implements ValidationResultEvent {
    public ValidationErroredEvent {
        figures = figures == null ? Map.of() : figures;
        differences = differences == null ? Map.of() : differences;
    }

    @Override
    public CheckStatus status() {
        return CheckStatus.ERRORED;
    }
}
