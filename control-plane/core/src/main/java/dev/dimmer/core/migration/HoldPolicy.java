package dev.dimmer.core.migration;

import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.UnmetCondition;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.WavePlan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A wave runs its shadow for the plan's {@code shadow} before it enters CANARY, and holds each canary step for the
 * plan's {@code hold} before the weight goes up. Judged on the command's time; a refusal says when the move opens.
 */
final class HoldPolicy {
    private HoldPolicy() {
    }

    /** The wave has shadowed for its {@code shadow} since it entered SHADOW. */
    static Rule<WaveMove> shadowServed() {
        return move -> {
            Duration shadow = move.wavePlan().map(WavePlan::shadow).map(PlanDuration::orZero).orElse(Duration.ZERO);
            Instant since = move.wave().shadowSince();
            if (shadow.isZero() || since == null || !move.at().isBefore(since.plus(shadow))) {
                return Optional.empty();
            }
            ZoneId zone = Moments.zone(move.plan());
            Instant opens = since.plus(shadow);
            return Optional.of(new UnmetCondition(RejectionCode.HOLD_NOT_OVER, String.format(
                    "%s may enter canary %s: its shadow runs %s from %s (a lead may override with --override-hold "
                            + "and a reason)", move.wave().name(), Moments.opening(opens, move.at(), zone),
                    move.wavePlan().get().shadow(), Moments.when(since, move.at(), zone))));
        };
    }

    /** The canary weight has held for the plan's {@code hold} since it last moved. */
    static Rule<WaveMove> holdServed() {
        return move -> {
            Duration hold = move.wavePlan().map(WavePlan::hold).map(PlanDuration::orZero).orElse(Duration.ZERO);
            Instant since = move.wave().since();
            if (hold.isZero() || since == null || !move.at().isBefore(since.plus(hold))) {
                return Optional.empty();
            }
            ZoneId zone = Moments.zone(move.plan());
            Instant opens = since.plus(hold);
            return Optional.of(new UnmetCondition(RejectionCode.HOLD_NOT_OVER, String.format(
                    "%s may go to %d%% %s: each canary step holds %s and it reached %d%% at %s (a lead may override "
                            + "with --override-hold and a reason)", move.wave().name(), move.weight(),
                    Moments.opening(opens, move.at(), zone), move.wavePlan().get().hold(), move.wave().weight(),
                    Moments.when(since, move.at(), zone))));
        };
    }

    /** When the next canary move of the wave opens, for the scheduler; empty when it is open or has no hold. */
    static Optional<Instant> holdEnds(WavePlan plan, Wave wave) {
        Duration hold = PlanDuration.orZero(plan.hold());
        return hold.isZero() || wave.since() == null ? Optional.empty() : Optional.of(wave.since().plus(hold));
    }
}
