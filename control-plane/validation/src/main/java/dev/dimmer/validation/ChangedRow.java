package dev.dimmer.validation;

import java.util.List;
import java.util.Map;

/**
 * A key present on both sides whose values differ in the named columns; {@code values} holds each differing
 * column's source and target text when the request asked for values, and is empty otherwise.
 */
public record ChangedRow(Map<String, Object> key, List<String> columns, List<ChangedValue> values) {
    public ChangedRow {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
    }

    public ChangedRow(Map<String, Object> key, List<String> columns) {
        this(key, columns, List.of());
    }

    /** One differing column, as the canonical text each side compared (null for SQL NULL). */
    public record ChangedValue(String column, String source, String target) {
    }
}
