package dev.dimmer.core.migration;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.UnmetCondition;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.rollback.RehearsedStep;
import dev.dimmer.plan.HumanUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rehearsal is measured, not declared: a gate with {@code rehearsed_rollback: true} on a wave's cutover needs a
 * rehearsal that succeeded, is newer than the last plan revision that touched the rollback section, and took no
 * longer than {@code rollback.max_duration} (5m by default). What the plan itself says about a rehearsal counts
 * for nothing here.
 */
final class RehearsalPolicy {
    private RehearsalPolicy() {
    }

    /** The wave's measured rehearsal satisfies its cutover gates; holds trivially when no gate asks for one. */
    static Rule<WaveMove> rehearsed() {
        return move -> {
            WaveRehearsal record = move.wave().rehearsal();
            if (!record.required()) {
                return Optional.empty();
            }
            String wave = move.wave().name();
            String how = String.format("; run dimmer rehearse %s %s (or --dry-run) and try again",
                    move.migration(), wave);
            if (record.rehearsedAt() == null) {
                return unmet("wave %s's rollback has no measured rehearsal%s", wave, how);
            }
            if (record.rollbackRevisedAt() != null && !record.rehearsedAt().isAfter(record.rollbackRevisedAt())) {
                return unmet("wave %s's last rehearsal (%s) is older than the plan revision of %s that changed the "
                        + "rollback section%s", wave, record.rehearsedAt(), record.rollbackRevisedAt(), how);
            }
            if (record.tookMillis() > record.maxMillis()) {
                return unmet("wave %s's last rehearsal took %s; rollback.max_duration is %s (make the steps faster "
                                + "or raise max_duration)", wave, HumanUnits.format(Duration.ofMillis(record.tookMillis())),
                        HumanUnits.format(Duration.ofMillis(record.maxMillis())));
            }
            return Optional.empty();
        };
    }

    /** Whether a measured rehearsal of these steps succeeded: every step of the wave's rollback ran and succeeded. */
    static boolean succeeded(List<RehearsedStep> steps, int planned) {
        return steps.size() == planned && steps.stream().allMatch(RehearsedStep::succeeded);
    }

    static long total(List<RehearsedStep> steps) {
        return steps.stream().mapToLong(RehearsedStep::durationMillis).sum();
    }

    /** Only assigns: each wave's requirement from the plan, and when the rollback section last changed. */
    static void plan(MigrationPlan before, MigrationPlan after, Map<String, Wave> waves, Instant at) {
        boolean touched = before == null || !before.rollback().equals(after.rollback());
        long max = after.rollback().maxDurationOrDefault().toMillis();
        for (Wave wave : waves.values()) {
            WaveRehearsal now = wave.rehearsal();
            wave.rehearse(now.planned(required(after, wave.name()), max, touched ? at : now.rollbackRevisedAt()));
        }
    }

    private static boolean required(MigrationPlan plan, String wave) {
        return plan.gates().stream().filter(g -> g.guards(Phase.CUTOVER, wave)).anyMatch(Gate::rehearsedRollback);
    }

    private static Optional<UnmetCondition> unmet(String format, Object... args) {
        return Optional.of(new UnmetCondition(RejectionCode.ROLLBACK_NOT_REHEARSED, String.format(format, args)));
    }
}
