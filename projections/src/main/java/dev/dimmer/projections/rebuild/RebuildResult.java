package dev.dimmer.projections.rebuild;

/**
 * What a rebuild did.
 *
 * @param headPosition the log's head when the rebuild started, plus one: an upper bound of the events replayed
 */
public record RebuildResult(String processor, long headPosition, double seconds) {
}
