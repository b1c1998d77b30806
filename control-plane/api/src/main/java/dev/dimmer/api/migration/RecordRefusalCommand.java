package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts a refused attempt on a migration's record: who tried what (in the provenance) and why it was refused.
 *
 * @param attempted what was tried, e.g. {@code cutover customers}
 * @param refusal   the refusal the person saw
 */
public record RecordRefusalCommand(@TargetAggregateIdentifier String migrationId, String attempted, String refusal,
                                   Provenance provenance) implements MigrationCommand {
}
