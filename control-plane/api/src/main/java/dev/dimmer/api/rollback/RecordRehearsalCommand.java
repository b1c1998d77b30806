package dev.dimmer.api.rollback;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.WaveCommand;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a measured rehearsal of a wave's rollback, run by a lead (for real on staging, or as a dry run). */
public record RecordRehearsalCommand(@TargetAggregateIdentifier String migrationId, String wave, boolean dryRun,
                                     List<RehearsedStep> steps, Provenance provenance) implements WaveCommand {
    public RecordRehearsalCommand {
        steps = List.copyOf(steps);
    }
}
