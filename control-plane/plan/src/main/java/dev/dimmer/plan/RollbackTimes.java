package dev.dimmer.plan;

import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.RollbackAction;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/** How long rolling back takes: per wave the sum of the estimates of the steps that wave's rollback runs. */
public final class RollbackTimes {
    private RollbackTimes() {
    }

    public static Duration of(MigrationPlan plan, String wave) {
        return plan.rollback().actions().stream().filter(a -> a.appliesTo(wave)).map(RollbackAction::estimate)
                .map(PlanDuration::orZero).reduce(Duration.ZERO, Duration::plus);
    }

    /** The wave whose rollback takes longest, with that time; empty when the plan has no rollback actions. */
    public static Optional<WaveTime> slowest(MigrationPlan plan) {
        if (plan.rollback().actions().isEmpty()) {
            return Optional.empty();
        }
        return plan.waves().stream().map(w -> new WaveTime(w.name(), of(plan, w.name())))
                .max(Comparator.comparing(WaveTime::time));
    }

    /** A wave and how long its rollback takes. */
    public record WaveTime(String wave, Duration time) {
    }
}
