package dev.dimmer.validation;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a diff. Rows missing in the target or extra in it are given by key (column to value; by all
 * compared columns for tables without a key). {@code truncated} says the diff stopped at the row limit, so
 * there may be more differences than listed.
 */
public record DiffResult(boolean equal, long sourceRows, long targetRows, List<Map<String, Object>> missingInTarget,
                         List<Map<String, Object>> extraInTarget, List<ChangedRow> changed, boolean truncated,
                         HashMode hashMode, DiffTimings timings) {
    public int differences() {
        return missingInTarget.size() + extraInTarget.size() + changed.size();
    }
}
