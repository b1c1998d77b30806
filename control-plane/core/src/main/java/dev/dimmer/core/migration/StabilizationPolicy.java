package dev.dimmer.core.migration;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.UnmetCondition;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.WavePlan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** A wave is decommissioned only after it has stabilized for the plan's {@code stabilization} since it got there. */
final class StabilizationPolicy {
    private StabilizationPolicy() {
    }

    static Rule<WaveMove> served() {
        return move -> {
            if (move.wave().phase() != Phase.STABILIZATION) {
                return Optional.empty();
            }
            Duration period = move.wavePlan().map(WavePlan::stabilization).map(PlanDuration::orZero)
                    .orElse(Duration.ZERO);
            Instant since = move.wave().since();
            if (period.isZero() || since == null || !move.at().isBefore(since.plus(period))) {
                return Optional.empty();
            }
            ZoneId zone = Moments.zone(move.plan());
            return Optional.of(new UnmetCondition(RejectionCode.HOLD_NOT_OVER, String.format(
                    "%s may be decommissioned %s: it stabilizes %s from %s (a lead may override with "
                            + "--override-stabilization and a reason)", move.wave().name(),
                    Moments.opening(since.plus(period), move.at(), zone), move.wavePlan().get().stabilization(),
                    Moments.when(since, move.at(), zone))));
        };
    }
}
