package dev.dimmer.api.migration;

import java.util.List;

/**
 * Where a wave's go/no-go stands after a command: the quorum in words, each voter's standing ballot, and what is
 * still missing (empty once it passed).
 */
public record GoNoGoState(String migrationId, String wave, String quorum, String expiry, List<BallotView> ballots,
                          boolean passed, List<String> missing, String decides) {
    public GoNoGoState {
        ballots = List.copyOf(ballots);
        missing = List.copyOf(missing);
        decides = decides == null ? Phase.CUTOVER.label() : decides;
    }

    /** A go/no-go on the cutover. */
    public GoNoGoState(String migrationId, String wave, String quorum, String expiry, List<BallotView> ballots,
                       boolean passed, List<String> missing) {
        this(migrationId, wave, quorum, expiry, ballots, passed, missing, Phase.CUTOVER.label());
    }
}
