package dev.dimmer.deploy.audit;

/** An export, proof or key that cannot be read at all: nothing was checked (exit 2, not "tampered"). */
public final class UnreadableEvidence extends RuntimeException {
    public UnreadableEvidence(String message) {
        super(message);
    }
}
