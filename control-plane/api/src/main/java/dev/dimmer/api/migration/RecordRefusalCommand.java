package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts a refused attempt on a migration's record. Only the command bus sends it, straight to the aggregate after
 * the refused command rolled back; sent over the bus like any other command it is refused to everyone.
 *
 * @param refused the event to record, built from the refused command and its refusal
 * @param provenance who tried, through what, why and when
 */
public record RecordRefusalCommand(@TargetAggregateIdentifier String migrationId, CommandRefusedEvent refused,
                                   Provenance provenance) implements MigrationCommand {
}
