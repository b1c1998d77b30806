package dev.dimmer.validation.plan;

import dev.dimmer.api.evidence.CheckStatus;
import java.util.Map;

/**
 * What one kind's check found, before the run adds the validation's name, the time it took and the database
 * versions: the status, the tail of the one-line summary, the figures and the differences.
 */
record Finding(CheckStatus status, String summary, Map<String, Object> figures, Map<String, Object> differences) {
    static Finding errored(String reason) {
        return new Finding(CheckStatus.ERRORED, reason, Map.of(), Map.of());
    }

    static CheckStatus passedIf(boolean passed) {
        return passed ? CheckStatus.PASSED : CheckStatus.FAILED;
    }
}
