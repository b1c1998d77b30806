package dev.dimmer.projections.rebuild;

/** The rebuild stopped part way; its transaction was rolled back, so the views and tokens are as they were. */
public final class RebuildFailedException extends RuntimeException {
    public RebuildFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
