package dev.dimmer.api.migration;

/**
 * A command was refused: an answer, not a crash. The message is written for the person who sent the command
 * ("wave orders is in SHADOW; cutover needs CANARY").
 */
public final class CommandRejectedException extends RuntimeException {
    private final RejectionCode code;

    public CommandRejectedException(RejectionCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
