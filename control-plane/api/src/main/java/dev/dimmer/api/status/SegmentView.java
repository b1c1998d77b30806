package dev.dimmer.api.status;

/** One segment of a processor's token: the node that holds its claim (null when none) and how far it has come. */
public record SegmentView(int segment, String owner, Long position, long behind) {
}
