package dev.dimmer.projections.rebuild;

/** What a rebuild did: which processor, how many events it replayed into the views, and in how long. */
public record RebuildResult(String processor, long events, double seconds) {
}
