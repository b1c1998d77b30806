package dev.dimmer.api.evidence;

import java.time.Instant;
import java.util.Map;

/** The validation ran and the data (or service) is as it should be. */
public record ValidationPassedEvent(String migrationId, String wave, String runId, String validation, String kind,
                                     String summary, Map<String, Object> figures, Map<String, Object> differences,
                                     long durationMillis, Instant at) implements ValidationResultEvent {
    public ValidationPassedEvent {
        figures = figures == null ? Map.of() : figures;
        differences = differences == null ? Map.of() : differences;
    }

    @Override
    public CheckStatus status() {
        return CheckStatus.PASSED;
    }
}
