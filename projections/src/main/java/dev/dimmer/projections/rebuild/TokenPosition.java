package dev.dimmer.projections.rebuild;

import org.axonframework.eventhandling.TrackingToken;

/**
 * How far a tracking token reaches in the log, -1 before the first event. For a gap-aware token that is the highest
 * index seen, not the position of the event it came with (see {@code LogPosition}): right for the head of the log
 * and for where a read has got to, wrong for keying rows.
 */
final class TokenPosition {
    private TokenPosition() {
    }

    static long of(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
