package dev.dimmer.core.migration;

import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.UnmetCondition;
import java.util.Optional;

/**
 * The canary weight only grows, and never past the plan's next step: a wave may pause between steps (say 25% on
 * the way to 50%) but cannot skip one; it enters CANARY at most at the first step and cuts over from the last.
 */
final class CanaryWeightPolicy {
    private CanaryWeightPolicy() {
    }

    static Rule<WaveMove> entryWithinFirstStep() {
        return move -> move.weight() >= 1 && move.weight() <= move.wave().firstCanaryStep() ? Optional.empty()
                : invalid("wave %s enters CANARY at 1..%d%% (its first canary step), not %d%%", move.wave().name(),
                move.wave().firstCanaryStep(), move.weight());
    }

    static Rule<WaveMove> hasNextStep() {
        return move -> move.wave().nextCanaryStep().isPresent() ? Optional.empty() : Optional.of(new UnmetCondition(
                RejectionCode.ILLEGAL_TRANSITION, String.format("wave %s is at its last canary step (%d%%); the next "
                + "step is cutover", move.wave().name(), move.wave().weight())));
    }

    static Rule<WaveMove> grows() {
        return move -> move.weight() > move.wave().weight() ? Optional.empty() : invalid("wave %s is at canary %d%%; "
                + "the weight only grows (asked %d%%); roll back to go down", move.wave().name(), move.wave().weight(),
                move.weight());
    }

    static Rule<WaveMove> skipsNoStep() {
        return move -> {
            int limit = move.wave().nextCanaryStep().orElse(move.wave().weight());
            return move.weight() <= limit ? Optional.empty() : invalid("wave %s is at canary %d%%; the next step is "
                    + "%d%%, so %d%% would skip it", move.wave().name(), move.wave().weight(), limit, move.weight());
        };
    }

    static Rule<WaveMove> atLastStep() {
        return move -> move.wave().weight() >= move.wave().lastCanaryStep() ? Optional.empty() : Optional.of(
                new UnmetCondition(RejectionCode.ILLEGAL_TRANSITION, String.format("wave %s is at canary %d%%; the "
                        + "plan's canary steps reach %d%% before cutover", move.wave().name(), move.wave().weight(),
                        move.wave().lastCanaryStep())));
    }

    private static Optional<UnmetCondition> invalid(String format, Object... args) {
        return Optional.of(new UnmetCondition(RejectionCode.INVALID_COMMAND, String.format(format, args)));
    }
}
