package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Role;
import java.time.Instant;
import java.util.List;

/**
 * A person voted on a wave's go/no-go. The tally is the vote's state after this ballot (changed ballots count
 * once), as of the ballot's time.
 *
 * @param evidenceSeen the latest result of each validation the cutover gate names when the vote was cast, e.g.
 *                     "orders-checksum passed in run run-… at 2026-12-07T10:00:00Z" ("… never ran" when none):
 *                     what the voter saw; empty in votes recorded before evidence was kept
 */
public record VoteCastEvent(String migrationId, String wave, String voterId, String voterName, List<Role> voterRoles,
                            Vote vote, String comment, int approvals, int rejections, boolean passed, Instant at,
                            List<String> evidenceSeen)
        implements WaveFact {
    public VoteCastEvent {
        voterRoles = List.copyOf(voterRoles);
        comment = comment == null ? "" : comment.strip();
        evidenceSeen = evidenceSeen == null ? List.of() : List.copyOf(evidenceSeen);
    }

    public VoteCastEvent(String migrationId, String wave, String voterId, String voterName, List<Role> voterRoles,
                         Vote vote, String comment, int approvals, int rejections, boolean passed, Instant at) {
        this(migrationId, wave, voterId, voterName, voterRoles, vote, comment, approvals, rejections, passed, at,
                List.of());
    }
}
