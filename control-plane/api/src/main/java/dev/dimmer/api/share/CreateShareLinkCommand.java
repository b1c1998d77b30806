package dev.dimmer.api.share;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.MigrationCommand;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens a read-only share link to one migration's status page, for stakeholders without an account. The link id
 * is chosen by the edge (random); the link stops working at {@code expiresAt} or when revoked.
 */
public record CreateShareLinkCommand(@TargetAggregateIdentifier String migrationId, String linkId,
                                     Instant expiresAt, Provenance provenance) implements MigrationCommand {
}
