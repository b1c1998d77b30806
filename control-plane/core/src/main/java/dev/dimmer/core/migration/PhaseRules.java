package dev.dimmer.core.migration;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.UnmetCondition;
import java.util.Optional;

/** Where in its lifecycle a wave must be for a transition. */
final class PhaseRules {
    private PhaseRules() {
    }

    static Rule<WaveMove> in(Phase phase, String transition) {
        return move -> move.wave().phase() == phase ? Optional.empty() : illegal("wave %s is in %s; %s needs %s",
                move.wave().name(), move.wave().phase(), transition, phase);
    }

    static Rule<WaveMove> notDecommissioned() {
        return move -> move.wave().phase() != Phase.DECOMMISSIONED ? Optional.empty()
                : illegal("wave %s is DECOMMISSIONED; it has no further phase", move.wave().name());
    }

    static Rule<WaveMove> noWeightOutsideCanary() {
        return move -> move.weight() == null ? Optional.empty() : Optional.of(new UnmetCondition(
                RejectionCode.INVALID_COMMAND, String.format("wave %s is in %s; a weight applies only when entering "
                + "or within CANARY", move.wave().name(), move.wave().phase())));
    }

    static Rule<WaveMove> canRollBack() {
        return move -> move.wave().phase().canRollBack() ? Optional.empty() : illegal("wave %s is in %s; rollback "
                + "applies to a wave in CANARY, CUTOVER or STABILIZATION", move.wave().name(), move.wave().phase());
    }

    private static Optional<UnmetCondition> illegal(String format, Object... args) {
        return Optional.of(new UnmetCondition(RejectionCode.ILLEGAL_TRANSITION, String.format(format, args)));
    }
}
