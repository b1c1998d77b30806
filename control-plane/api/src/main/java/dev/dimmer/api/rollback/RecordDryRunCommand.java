package dev.dimmer.api.rollback;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.WaveCommand;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a measured dry run of a wave's rollback by an operator: every step proved it can run, nothing was kept.
 * A command of its own so that an operator may rehearse without holding the lead's role.
 */
public record RecordDryRunCommand(@TargetAggregateIdentifier String migrationId, String wave,
                                  List<RehearsedStep> steps, Provenance provenance) implements WaveCommand {
    public RecordDryRunCommand {
        steps = List.copyOf(steps);
    }
}
