package dev.dimmer.core.axon;

/**
 * The database connection was lost while the transaction committed: the command's events may or may not be stored,
 * and nobody on this side can tell which. Only a look at the log (or a retry with the same Idempotency-Key) can.
 */
public final class OutcomeUnknownException extends RuntimeException {
    public OutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
