package dev.dimmer.outbox;

import java.util.Set;

/** The receiver of one topic: hands a message to the world outside and says how it went. */
public interface Delivery {
    /**
     * Delivers one message; runs while its row is locked, so no other relay delivers it at the same time. An
     * exception rolls the claim back and the message is tried again as if this call never happened.
     */
    Outcome deliver(OutboxMessage message);

    /** After each round, with the keys that had a message delivered in it (Slack refreshes their status cards). */
    default void delivered(Set<String> keys) {
    }
}
