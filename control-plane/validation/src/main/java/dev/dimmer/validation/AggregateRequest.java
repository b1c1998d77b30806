package dev.dimmer.validation;

/**
 * aggregate: a value expression (e.g. {@code sum(amount)}) grouped by a group expression (e.g. a day) on each
 * side, written in that side's SQL since engines spell functions differently.
 */
public record AggregateRequest(TableRef sourceTable, String sourceGroup, String sourceValue, TableRef targetTable,
                               String targetGroup, String targetValue, String where, Tolerance tolerance) {
    public static AggregateRequest sameSql(TableRef sourceTable, TableRef targetTable, String group, String value,
                                           String where, Tolerance tolerance) {
        return new AggregateRequest(sourceTable, group, value, targetTable, group, value, where, tolerance);
    }
}
