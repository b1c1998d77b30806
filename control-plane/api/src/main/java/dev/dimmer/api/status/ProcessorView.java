package dev.dimmer.api.status;

import java.util.List;

/**
 * One processor: {@code state} is {@code caught-up}, {@code catching-up}, {@code unclaimed} (no node processes a
 * segment) or {@code stalled} (a handler keeps failing on an event; it is tried again with back-off, never skipped);
 * {@code behind} counts the positions between its slowest segment and the head of the log.
 */
public record ProcessorView(String name, String state, long behind, List<SegmentView> segments,
                            HandlerFailureView lastFailure) {
    public ProcessorView {
        segments = List.copyOf(segments);
    }
}
