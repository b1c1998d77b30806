package dev.dimmer.projections.rebuild;

/** The rebuild could not begin (another node holds the processor's claim); nothing was changed. */
public final class RebuildRefusedException extends RuntimeException {
    public RebuildRefusedException(String message) {
        super(message);
    }
}
