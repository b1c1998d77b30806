package dev.dimmer.validation;

/** The share of NULLs in one column against the highest share allowed. */
public record ColumnNullRate(String column, long nulls, double rate, double maximum, boolean passed) {
}
