package dev.dimmer.api.evidence;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.WaveCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The runner reports what one validation of a run found. A result already on record for the run is not recorded twice. */
public record RecordValidationResultCommand(@TargetAggregateIdentifier String migrationId, String wave, String runId,
                                            CheckResult result, Provenance provenance) implements WaveCommand {
}
