package dev.dimmer.api.migration;

import java.util.List;

/**
 * A command was refused: an answer, not a crash. The message is written for the person who sent the command
 * ("wave orders is in SHADOW; cutover needs CANARY").
 */
public final class CommandRejectedException extends RuntimeException {
    private final RejectionCode code;
    private final List<UnmetCondition> unmet;

    public CommandRejectedException(RejectionCode code, String message) {
        this(code, message, List.of(new UnmetCondition(code, message)));
    }

    /** A refusal for several unmet conditions at once; its code is the first one's. */
    public CommandRejectedException(RejectionCode code, String message, List<UnmetCondition> unmet) {
        super(message, null, false, false);
        this.code = code;
        this.unmet = List.copyOf(unmet);
    }

    public RejectionCode code() {
        return code;
    }

    /** Every condition the command did not meet, in the order the rules list them; at least one. */
    public List<UnmetCondition> unmet() {
        return unmet;
    }
}
