package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Role;
import java.time.Instant;
import java.util.List;

/**
 * A person voted on a wave's go/no-go. The tally is the vote's state after this ballot (changed ballots count
 * once), as of the ballot's time.
 */
public record VoteCastEvent(String migrationId, String wave, String voterId, String voterName, List<Role> voterRoles,
                            Vote vote, String comment, int approvals, int rejections, boolean passed, Instant at)
        implements WaveFact {
    public VoteCastEvent {
        voterRoles = List.copyOf(voterRoles);
        comment = comment == null ? "" : comment.strip();
    }
}
