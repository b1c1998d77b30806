package dev.dimmer.api.rollback;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.WaveCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Resumes a wave's stalled runbook at the step that failed. */
public record RetryRunbookCommand(@TargetAggregateIdentifier String migrationId, String wave, Provenance provenance)
        implements WaveCommand {
}
