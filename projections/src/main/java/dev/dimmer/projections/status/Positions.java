package dev.dimmer.projections.status;

import org.axonframework.eventhandling.TrackingToken;

/** An event's global position in the log, read from the token it was delivered with. */
public final class Positions {
    private Positions() {
    }

    public static long of(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
