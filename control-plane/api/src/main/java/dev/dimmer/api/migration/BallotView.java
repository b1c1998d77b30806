package dev.dimmer.api.migration;

import java.time.Instant;

/** One person's standing ballot on a go/no-go, as a card or the API shows it. */
public record BallotView(String voterId, String voterName, Vote vote, String comment, Instant at) {
}
