package dev.dimmer.api.audit;

import dev.dimmer.api.migration.BallotView;
import dev.dimmer.api.plan.Approval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A wave's open go/no-go as the log had it at a point: the quorum, how long ballots count, each voter's standing
 * ballot and the tally the last ballot recorded (approvals, rejections, passed as of that ballot's time).
 */
public record GoNoGoAsOfView(String wave, Instant openedAt, List<Approval> quorum, Duration expiry,
                             List<BallotView> ballots, int approvals, int rejections, boolean passed) {
    public GoNoGoAsOfView {
        quorum = List.copyOf(quorum);
        ballots = List.copyOf(ballots);
    }
}
