package dev.dimmer.api.migration;

import dev.dimmer.api.plan.Approval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A go/no-go vote opened on a wave's next gated step: it passes with the quorum's approvals and no rejection.
 *
 * @param quorum the approvals needed, by role
 * @param expiry how long a ballot counts after it was cast
 * @param before the phase whose entry it decides: CUTOVER, or an earlier or later phase whose gate asks for
 *               approvals (events written before go/no-gos decided other steps have none: CUTOVER)
 */
public record GoNoGoOpenedEvent(String migrationId, String wave, List<Approval> quorum, Duration expiry, Instant at,
                                Phase before) implements WaveFact {
    public GoNoGoOpenedEvent {
        quorum = List.copyOf(quorum);
        before = before == null ? Phase.CUTOVER : before;
    }

    /** A go/no-go on the cutover. */
    public GoNoGoOpenedEvent(String migrationId, String wave, List<Approval> quorum, Duration expiry, Instant at) {
        this(migrationId, wave, quorum, expiry, at, Phase.CUTOVER);
    }
}
