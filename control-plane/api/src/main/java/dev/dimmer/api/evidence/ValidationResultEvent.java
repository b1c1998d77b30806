package dev.dimmer.api.evidence;

import dev.dimmer.api.migration.WaveFact;
import java.util.Map;

/** One validation's result within a run: passed, failed or errored, with its figures (never row values or secrets). */
public interface ValidationResultEvent extends WaveFact {
    String runId();

    String validation();

    String kind();

    String summary();

    Map<String, Object> figures();

    Map<String, Object> differences();

    long durationMillis();

    CheckStatus status();

    /** The event that records {@code result} for the run. */
    static ValidationResultEvent of(String migrationId, String wave, String runId, CheckResult result,
                                    java.time.Instant at) {
        return switch (result.status()) {
            case PASSED -> new ValidationPassedEvent(migrationId, wave, runId, result.validation(), result.kind(),
                    result.summary(), result.figures(), result.differences(), result.durationMillis(), at);
            case FAILED -> new ValidationFailedEvent(migrationId, wave, runId, result.validation(), result.kind(),
                    result.summary(), result.figures(), result.differences(), result.durationMillis(), at);
            case ERRORED, NEVER -> new ValidationErroredEvent(migrationId, wave, runId, result.validation(),
                    result.kind(), result.summary(), result.figures(), result.differences(), result.durationMillis(),
                    at);
        };
    }
}
