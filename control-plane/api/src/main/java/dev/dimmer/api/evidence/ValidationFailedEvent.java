package dev.dimmer.api.evidence;

import java.time.Instant;
import java.util.Map;

/** The validation ran and found the data (or service) wrong; the figures say how. */
public record ValidationFailedEvent(String migrationId, String wave, String runId, String validation, String kind,
                                     String summary, Map<String, Object> figures, Map<String, Object> differences,
                                     long durationMillis, Instant at) implements ValidationResultEvent {
    public ValidationFailedEvent {
        figures = figures == null ? Map.of() : figures;
        differences = differences == null ? Map.of() : differences;
    }

    @Override
    public CheckStatus status() {
        return CheckStatus.FAILED;
    }
}
