package dev.dimmer.core.axon;

/**
 * Another command with the same actor and Idempotency-Key committed first (a concurrent duplicate waited for it on
 * the key's row); this one was rolled back and stored nothing. The first one's outcome is the answer.
 */
public final class IdempotencyKeyTakenException extends RuntimeException {
    public IdempotencyKeyTakenException(String key) {
        super("Idempotency-Key '" + key + "' was taken by a command that committed first", null, false, false);
    }
}
