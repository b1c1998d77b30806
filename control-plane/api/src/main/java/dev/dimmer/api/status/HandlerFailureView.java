package dev.dimmer.api.status;

import java.time.Instant;

/** The last time a handler of a processor failed: when, on which event of the log, and what it said. */
public record HandlerFailureView(Instant at, Long position, String eventType, String message) {
}
