package dev.dimmer.api.migration;

import dev.dimmer.api.plan.Approval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A go/no-go vote on a wave's cutover opened: it passes with the quorum's approvals and no rejection.
 *
 * @param quorum the approvals needed, by role
 * @param expiry how long a ballot counts after it was cast
 */
public record GoNoGoOpenedEvent(String migrationId, String wave, List<Approval> quorum, Duration expiry, Instant at)
        implements WaveFact {
    public GoNoGoOpenedEvent {
        quorum = List.copyOf(quorum);
    }
}
