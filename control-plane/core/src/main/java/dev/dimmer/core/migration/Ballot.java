package dev.dimmer.core.migration;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One person's standing vote on a go/no-go. */
record Ballot(String voterName, List<Role> roles, Vote vote, String comment, Instant at) {
    Ballot {
        roles = List.copyOf(roles);
    }

    boolean countsAt(Instant now, Duration expiry) {
        return now.isBefore(at.plus(expiry));
    }
}
