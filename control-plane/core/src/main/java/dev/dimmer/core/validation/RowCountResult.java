package dev.dimmer.core.validation;

/** Row counts of both sides and whether their gap is within the tolerance. */
public record RowCountResult(boolean passed, long source, long target, long difference) {
}
