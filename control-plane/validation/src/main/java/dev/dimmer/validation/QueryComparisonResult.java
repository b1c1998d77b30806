package dev.dimmer.validation;

import java.util.List;

/** custom SQL pair: both results' sizes and the cells that differ beyond the tolerance (the first ones). */
public record QueryComparisonResult(boolean passed, int sourceRows, int targetRows, List<CellDifference> cells) {
}
