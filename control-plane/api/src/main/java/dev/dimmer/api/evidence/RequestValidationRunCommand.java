package dev.dimmer.api.evidence;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.WaveCommand;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks for a run of a wave's validations from the plan ({@code only} narrows it to the named ones). The run id is
 * made at the edge, so a retried request names the same run.
 */
public record RequestValidationRunCommand(@TargetAggregateIdentifier String migrationId, String wave, String runId,
                                          List<String> only, Provenance provenance) implements WaveCommand {
    public RequestValidationRunCommand {
        only = only == null ? List.of() : List.copyOf(only);
    }
}
