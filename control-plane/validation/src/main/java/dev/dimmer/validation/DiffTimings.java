package dev.dimmer.validation;

/**
 * Where a diff spent its time: reading the catalogs, the first checksum pass over both tables, narrowing the
 * mismatching segments, and fetching the rows of the smallest ones; with the number of statements run.
 */
public record DiffTimings(long totalMillis, long catalogMillis, long checksumMillis, long bisectMillis,
                          long fetchMillis, int statements) {
}
