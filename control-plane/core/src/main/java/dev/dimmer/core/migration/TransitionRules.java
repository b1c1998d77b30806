package dev.dimmer.core.migration;

import dev.dimmer.api.migration.Phase;
import java.util.List;

/**
 * The rules of each wave transition in one place: what a step needs, in the order a person would check it. A
 * capability that adds a condition (evidence, windows, holds, rehearsal) adds a rule to the list it guards.
 */
final class TransitionRules {
    static final Rules<WaveMove> ENTER_CANARY = Rules.<WaveMove>of(m -> "canary of wave " + m.wave().name())
            .requiring(CanaryWeightPolicy.entryWithinFirstStep())
            .requiring(GoNoGoPolicy.passed(Phase.CANARY))
            .requiringEach(EvidencePolicy.validationsPassed(Phase.CANARY));
    static final Rules<WaveMove> NEXT_CANARY_STEP = Rules.<WaveMove>of(m -> "canary of wave " + m.wave().name())
            .requiring(CanaryWeightPolicy.hasNextStep());
    // checks of one asked weight, in order: the first that fails says what is wrong with it
    static final Rules<WaveMove> RAISE_CANARY = Rules.<WaveMove>of(m -> "canary of wave " + m.wave().name())
            .guardedBy(CanaryWeightPolicy.grows())
            .guardedBy(CanaryWeightPolicy.hasNextStep())
            .guardedBy(CanaryWeightPolicy.skipsNoStep());
    static final Rules<WaveMove> ADVANCE = Rules.<WaveMove>of(m -> "advance of wave " + m.wave().name())
            .guardedBy(PhaseRules.notDecommissioned())
            .requiring(PhaseRules.noWeightOutsideCanary())
            .requiring(move -> move.wave().phase().next()
                    .flatMap(next -> GoNoGoPolicy.passed(next).check(move)))
            .requiringEach(move -> move.wave().phase().next()
                    .map(next -> EvidencePolicy.validationsPassed(next).apply(move)).orElse(List.of()));
    static final Rules<WaveMove> CUTOVER = Rules.<WaveMove>of(m -> "cutover of wave " + m.wave().name())
            .guardedBy(PhaseRules.in(Phase.CANARY, "cutover"))
            .requiring(CanaryWeightPolicy.atLastStep())
            .requiring(DependencyPolicy.dependenciesStable())
            .requiring(GoNoGoPolicy.passed())
            .requiringEach(EvidencePolicy.validationsPassed(Phase.CUTOVER))
            // holds by itself unless a gate guarding the wave's cutover has rehearsed_rollback
            .requiring(RehearsalPolicy.rehearsed());
    static final Rules<WaveMove> ROLLBACK = Rules.<WaveMove>of(m -> "rollback of wave " + m.wave().name())
            .guardedBy(PhaseRules.canRollBack());
    static final Rules<WaveMove> OPEN_GO_NO_GO = Rules.<WaveMove>of(m -> "go/no-go of wave " + m.wave().name())
            .guardedBy(GoNoGoPolicy.decisionAhead());

    private TransitionRules() {
    }
}
