package dev.dimmer.core.migration;

import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.evidence.RecordValidationResultCommand;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import java.util.List;

/** Which validations a run covers, and whether a reported result belongs to an open run. */
final class ValidationRuns {
    private ValidationRuns() {
    }

    /** The wave's validations, or the ones {@code only} names (each must be one of the plan's). */
    static List<String> chosen(MigrationPlan plan, String migration, String wave, List<String> only) {
        List<String> ofWave = plan.validationsOf(wave).stream().map(ValidationPlan::name).toList();
        if (only.isEmpty()) {
            return ofWave;
        }
        List<String> unknown = only.stream().filter(name -> plan.validation(name).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw Refusals.invalid("migration %s has no validation %s; its validations are %s", migration,
                    String.join(", ", unknown), String.join(", ",
                            plan.validations().stream().map(ValidationPlan::name).toList()));
        }
        return plan.validations().stream().map(ValidationPlan::name).filter(only::contains).distinct().toList();
    }

    static CheckResult requireResult(RecordValidationResultCommand command) {
        CheckResult result = command.result();
        if (result == null || result.status() == CheckStatus.NEVER) {
            throw Refusals.invalid("a validation result is passed, failed or errored");
        }
        return result;
    }

    /**
     * The open run the result belongs to; null when the run already completed (a resumed runner's late report).
     * A run the migration never had, or a result for a validation the run did not ask for, is refused.
     */
    static Evidence.OpenRun openRun(String migration, Evidence evidence, RecordValidationResultCommand command) {
        if (evidence.isCompleted(command.runId())) {
            return null;
        }
        Evidence.OpenRun run = evidence.open(command.runId()).orElseThrow(() -> Refusals.invalid(
                "migration %s has no open validation run %s", migration, command.runId()));
        if (!run.wave().equals(command.wave())) {
            throw Refusals.invalid("validation run %s belongs to wave %s, not %s", command.runId(), run.wave(),
                    command.wave());
        }
        if (!run.validations().contains(command.result().validation())) {
            throw Refusals.invalid("validation run %s did not ask for %s", command.runId(),
                    command.result().validation());
        }
        return run;
    }
}
