package dev.dimmer.core.migration;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.TimeOverride;
import java.util.List;

/**
 * The rules of each wave transition in one place: what a step needs, in the order a person would check it. A
 * capability that adds a condition (evidence, windows, holds, rehearsal) adds a rule to the list it guards.
 */
final class TransitionRules {
    // the time rules of each move, which a lead may set aside with a reason (recorded when they would have refused)
    static final List<TimeRule> ENTER_CANARY_TIME = List.of(
            new TimeRule(TimeOverride.HOLD, HoldPolicy.shadowServed()));
    static final List<TimeRule> RAISE_CANARY_TIME = List.of(new TimeRule(TimeOverride.HOLD, HoldPolicy.holdServed()));
    static final List<TimeRule> CUTOVER_TIME = List.of(new TimeRule(TimeOverride.WINDOW, WindowPolicy.inWindow()),
            new TimeRule(TimeOverride.WINDOW, WindowPolicy.notFrozen()));
    static final List<TimeRule> ADVANCE_TIME = List.of(
            new TimeRule(TimeOverride.STABILIZATION, StabilizationPolicy.served()));

    static final Rules<WaveMove> ENTER_CANARY = Rules.<WaveMove>of(m -> "canary of wave " + m.wave().name())
            .requiring(CanaryWeightPolicy.entryWithinFirstStep())
            .requiring(GoNoGoPolicy.passed(Phase.CANARY))
            .requiringEach(EvidencePolicy.validationsPassed(Phase.CANARY))
            .requiringEach(TimeRule.unlessOverridden(ENTER_CANARY_TIME));
    static final Rules<WaveMove> NEXT_CANARY_STEP = Rules.<WaveMove>of(m -> "canary of wave " + m.wave().name())
            .requiring(CanaryWeightPolicy.hasNextStep());
    // checks of one asked weight, in order: the first that fails says what is wrong with it
    static final Rules<WaveMove> RAISE_CANARY = Rules.<WaveMove>of(m -> "canary of wave " + m.wave().name())
            .guardedBy(CanaryWeightPolicy.grows())
            .guardedBy(CanaryWeightPolicy.hasNextStep())
            .guardedBy(CanaryWeightPolicy.skipsNoStep())
            .requiringEach(TimeRule.unlessOverridden(RAISE_CANARY_TIME));
    // a move the scheduler makes by itself (auto_advance), on top of the step's own rules
    static final Rules<WaveMove> AUTO_ADVANCE = Rules.<WaveMove>of(m -> "auto_advance of wave " + m.wave().name())
            .requiringEach(EvidencePolicy.autoAdvanceEvidence());
    static final Rules<WaveMove> ADVANCE = Rules.<WaveMove>of(m -> "advance of wave " + m.wave().name())
            .guardedBy(PhaseRules.notDecommissioned())
            .requiring(PhaseRules.noWeightOutsideCanary())
            .requiring(move -> move.wave().phase().next()
                    .flatMap(next -> GoNoGoPolicy.passed(next).check(move)))
            .requiringEach(move -> move.wave().phase().next()
                    .map(next -> EvidencePolicy.validationsPassed(next).apply(move)).orElse(List.of()))
            .requiringEach(TimeRule.unlessOverridden(ADVANCE_TIME));
    static final Rules<WaveMove> CUTOVER = Rules.<WaveMove>of(m -> "cutover of wave " + m.wave().name())
            .guardedBy(PhaseRules.in(Phase.CANARY, "cutover"))
            .requiring(CanaryWeightPolicy.atLastStep())
            .requiring(DependencyPolicy.dependenciesStable())
            .requiring(GoNoGoPolicy.passed())
            .requiringEach(EvidencePolicy.validationsPassed(Phase.CUTOVER))
            // holds by itself unless a gate guarding the wave's cutover has rehearsed_rollback
            .requiring(RehearsalPolicy.rehearsed())
            .requiringEach(TimeRule.unlessOverridden(CUTOVER_TIME));
    static final Rules<WaveMove> ROLLBACK = Rules.<WaveMove>of(m -> "rollback of wave " + m.wave().name())
            .guardedBy(PhaseRules.canRollBack());
    static final Rules<WaveMove> OPEN_GO_NO_GO = Rules.<WaveMove>of(m -> "go/no-go of wave " + m.wave().name())
            .guardedBy(GoNoGoPolicy.decisionAhead());

    private TransitionRules() {
    }
}
