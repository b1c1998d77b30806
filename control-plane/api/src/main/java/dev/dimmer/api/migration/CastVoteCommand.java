package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One approver's go or no-go on a wave's open vote; voting again replaces the earlier ballot. */
public record CastVoteCommand(@TargetAggregateIdentifier String migrationId, String wave, Vote vote, String comment,
                              Provenance provenance) implements WaveCommand {
}
