package dev.dimmer.api.dispatch;

import dev.dimmer.api.migration.CommandRejectedException;

/**
 * What became of a dispatched command, never mixed up: done (stored, with the handler's answer), refused (nothing
 * stored but the refusal's record), a duplicate of a first attempt under the same idempotency key that is still
 * running or done, or unknown (the commit lost its connection: it may or may not be stored).
 */
public sealed interface Outcome<R> {
    /** The correlation id the command and its events carry; null when the command never reached the bus. */
    String correlationId();

    record Done<R>(R result, String correlationId) implements Outcome<R> {
    }

    record Refused<R>(CommandRejectedException refusal, String correlationId) implements Outcome<R> {
    }

    record Duplicate<R>(String idempotencyKey, String correlationId) implements Outcome<R> {
    }

    record Unknown<R>(String detail, String correlationId) implements Outcome<R> {
    }
}
