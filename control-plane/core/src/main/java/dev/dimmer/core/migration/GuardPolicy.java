package dev.dimmer.core.migration;

import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import java.util.List;
import java.util.Map;

/**
 * What a bad result does by itself. A guard ({@code guard: true}) that fails while its wave serves reads from the
 * target (CANARY, CUTOVER, STABILIZATION) rolls the wave back at once; errors roll back only after the plan's
 * {@code rollback_on_error} results in a row. A failed or errored result of a validation that a cutover gate names
 * voids the ballots of that wave's open go/no-go: the voters saw evidence that no longer holds.
 */
final class GuardPolicy {
    private GuardPolicy() {
    }

    /** Why the wave rolls back after {@code result} (already recorded in {@code evidence}); null when it does not. */
    static String rollbackCause(MigrationPlan plan, Evidence evidence, Wave wave, String runId, CheckResult result) {
        if (!wave.phase().canRollBack()) {
            return null;
        }
        ValidationPlan validation = plan.validation(result.validation()).orElse(null);
        if (validation == null) {
            return null;
        }
        if (result.status() == CheckStatus.FAILED && validation.guard()) {
            return String.format("guard %s failed in run %s: %s", result.validation(), runId, result.summary());
        }
        Integer limit = validation.rollbackOnError();
        int inARow = evidence.erroredInARow(result.validation());
        if (result.status() == CheckStatus.ERRORED && limit != null && limit > 0 && inARow >= limit) {
            return String.format("%s errored %d times in a row (rollback_on_error: %d), last in run %s: %s",
                    result.validation(), inARow, limit, runId, result.summary());
        }
        return null;
    }

    /** The waves whose open go/no-go, with ballots cast, a failed or errored {@code result} voids. */
    static List<Wave> voided(MigrationPlan plan, Map<String, Wave> waves, CheckResult result) {
        if (result.status() == CheckStatus.PASSED) {
            return List.of();
        }
        return waves.values().stream()
                .filter(w -> w.goNoGo() != null && !w.goNoGo().ballots().isEmpty())
                .filter(w -> w.phase().isBefore(w.goNoGo().before()))
                .filter(w -> plan.gates().stream().anyMatch(g -> g.guards(w.goNoGo().before(), w.name())
                        && g.validations().contains(result.validation())))
                .toList();
    }
}
