package dev.dimmer.api.evidence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of one validation found: figures only, never row values or secrets.
 *
 * @param validation   the validation's name in the plan
 * @param kind         the plan format's word for its kind ({@code row_count}, {@code checksum}, {@code metric}, ...)
 * @param status       passed, failed or errored
 * @param summary      one line people read: what was compared and what came out, or why it could not run
 * @param figures      the measured numbers (counts, rates, lag, the metric's query, evaluation time and raw value,
 *                     the database versions); JSON values only (text, numbers, booleans, lists and maps of them)
 * @param differences  what differs: for a checksum the number of missing, extra and changed rows and the first 20
 *                     keys of each (or their hashes); for an aggregate each group outside the tolerance; empty when
 *                     nothing differs
 * @param durationMillis how long the check took
 */
public record CheckResult(String validation, String kind, CheckStatus status, String summary,
                          Map<String, Object> figures, Map<String, Object> differences, long durationMillis) {
    public CheckResult {
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(status, "status");
        summary = summary == null ? "" : summary;
        figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        differences = differences == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(differences));
    }

    /** A check that could not run, with the one-line reason. */
    public static CheckResult errored(String validation, String kind, String reason, long durationMillis) {
        return new CheckResult(validation, kind, CheckStatus.ERRORED, reason, Map.of(), Map.of(), durationMillis);
    }
}
