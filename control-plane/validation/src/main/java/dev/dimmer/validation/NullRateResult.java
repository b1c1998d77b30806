package dev.dimmer.validation;

import java.util.List;

/** null_rate: every checked column's share of NULLs; passes when none is above its maximum. */
public record NullRateResult(boolean passed, long rows, List<ColumnNullRate> columns) {
    public List<ColumnNullRate> failing() {
        return columns.stream().filter(column -> !column.passed()).toList();
    }
}
