package dev.dimmer.validation;

/** A cell of a custom query's result that differs between the sides (row and column count from 1). */
public record CellDifference(int row, int column, String source, String target) {
}
