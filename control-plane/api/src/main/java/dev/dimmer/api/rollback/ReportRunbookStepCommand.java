package dev.dimmer.api.rollback;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.WaveCommand;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The executor reports one step of a wave's runbook {@code run}: started, succeeded (with what it did and how long
 * it took) or failed (with a one-line reason).
 */
public record ReportRunbookStepCommand(@TargetAggregateIdentifier String migrationId, String wave, int run, int step,
                                       StepOutcome outcome, long durationMillis, String detail,
                                       Provenance provenance) implements WaveCommand {
}
