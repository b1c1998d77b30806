package dev.dimmer.api.share;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.MigrationCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a share link before it expires: from then on it opens nothing. */
public record RevokeShareLinkCommand(@TargetAggregateIdentifier String migrationId, String linkId,
                                     Provenance provenance) implements MigrationCommand {
}
