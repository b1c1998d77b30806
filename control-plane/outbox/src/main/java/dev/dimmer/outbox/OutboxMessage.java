package dev.dimmer.outbox;

/** A queued message as its receiver gets it; {@code attempts} counts the tries before this one. */
public record OutboxMessage(long id, String topic, String key, long position, String payload, int attempts) {
}
