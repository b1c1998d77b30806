package dev.dimmer.projections;

/** What the read side's views share: the processing group whose processor keeps them, and rebuilds them. */
public final class Views {
    /** The status board and the audit trail follow the log in one processor, so they always agree on a position. */
    public static final String GROUP = "projections";

    private Views() {
    }
}
