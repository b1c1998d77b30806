package dev.dimmer.validation;

import java.util.List;

/**
 * What to compare: the table on each side, the key (empty: the source's primary key, or a multiset comparison of
 * whole rows when it has none), the compared columns (empty: all of the source's), an optional SQL filter applied
 * on both sides, at most how many differing rows to report, and whether changed rows carry both sides' differing
 * values (off unless asked: rows may hold personal data).
 */
public record DiffRequest(TableRef sourceTable, TableRef targetTable, List<String> key, List<String> columns,
                          String where, int maxRows, int segmentRows, int leafRows, int fanout,
                          boolean showValues) {
    public static final int DEFAULT_MAX_ROWS = 1000;

    public DiffRequest {
        key = List.copyOf(key);
        columns = List.copyOf(columns);
    }

    public static DiffRequest of(TableRef sourceTable, TableRef targetTable, List<String> key) {
        return new DiffRequest(sourceTable, targetTable, key, List.of(), null, DEFAULT_MAX_ROWS, 10_000, 64,
                16, false);
    }

    public DiffRequest withColumns(List<String> compared) {
        return new DiffRequest(sourceTable, targetTable, key, compared, where, maxRows, segmentRows, leafRows,
                fanout, showValues);
    }

    public DiffRequest withWhere(String filter) {
        return new DiffRequest(sourceTable, targetTable, key, columns, filter, maxRows, segmentRows, leafRows,
                fanout, showValues);
    }

    public DiffRequest withMaxRows(int limit) {
        return new DiffRequest(sourceTable, targetTable, key, columns, where, limit, segmentRows, leafRows, fanout,
                showValues);
    }

    public DiffRequest withSegments(int rowsPerSegment, int rowsPerLeaf, int parts) {
        return new DiffRequest(sourceTable, targetTable, key, columns, where, maxRows, rowsPerSegment, rowsPerLeaf,
                parts, showValues);
    }

    public DiffRequest withValues(boolean show) {
        return new DiffRequest(sourceTable, targetTable, key, columns, where, maxRows, segmentRows, leafRows, fanout,
                show);
    }
}
