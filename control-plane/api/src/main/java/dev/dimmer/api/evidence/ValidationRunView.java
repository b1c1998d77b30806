package dev.dimmer.api.evidence;

import java.time.Instant;
import java.util.List;

/**
 * One validation run: who asked for it and when, the validations it covers, when it completed with how many passed,
 * failed and errored and how long it took (null while it runs), and each result recorded so far.
 */
public record ValidationRunView(String runId, String migration, String wave, Instant requestedAt, String requestedBy,
                                String channel, List<String> validations, Instant completedAt, Integer passed,
                                Integer failed, Integer errored, Long durationMs,
                                List<ValidationLatestView> results) {
    public ValidationRunView {
        validations = List.copyOf(validations);
        results = List.copyOf(results);
    }
}
