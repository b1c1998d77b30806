package dev.dimmer.validation;

/** Row counts of both sides and whether their gap is within the tolerance. */
public record RowCountResult(boolean passed, long source, long target, long difference) {
}
