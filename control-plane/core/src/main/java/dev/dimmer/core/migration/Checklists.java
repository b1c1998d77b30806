package dev.dimmer.core.migration;

import dev.dimmer.api.evidence.GateChecklistView;
import dev.dimmer.api.evidence.GateChecklistView.Condition;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PhaseWords;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.UnmetCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A wave's next transition as a checklist, judged by the same rules the command would meet: the validations the
 * gates name (met or not, with their latest results), the go/no-go and the dependencies for a cutover, and any other
 * unmet rule.
 */
final class Checklists {
    private Checklists() {
    }

    static GateChecklistView of(String migration, Wave wave, WaveMove move) {
        Phase phase = wave.phase();
        String now = PhaseWords.at(phase, wave.weight());
        if (phase == Phase.DECOMMISSIONED) {
            return new GateChecklistView(migration, wave.name(), now, "none", false, List.of(new Condition("phase",
                    "decommissioned", false, "wave " + wave.name() + " is DECOMMISSIONED; it has no further phase")));
        }
        Step step = step(wave, move);
        List<Condition> conditions = new ArrayList<>();
        if (step.target() != null && GoNoGoPolicy.decided(move.plan(), wave.name(), step.target())) {
            Optional<UnmetCondition> votes = GoNoGoPolicy.passed(step.target()).check(move);
            conditions.add(new Condition("approvals", "go/no-go", votes.isEmpty(), votes.map(UnmetCondition::sentence)
                    .orElse("the go/no-go on the " + step.target().label() + " of wave " + wave.name()
                            + " has passed")));
        }
        if (step.target() == Phase.CUTOVER) {
            for (String dependency : wave.dependsOn()) {
                Wave other = move.waves().get(dependency);
                boolean met = other != null && !other.phase().isBefore(Phase.STABILIZATION);
                conditions.add(new Condition("dependency", dependency, met, "wave " + dependency + " is in "
                        + (other == null ? "no phase" : other.describe()) + (met ? "" : "; cutover needs it in "
                        + "STABILIZATION or later")));
            }
        }
        if (step.target() != null) {
            EvidencePolicy.conditions(move.plan(), move.evidence(), wave.name(), step.target(), move.at())
                    .forEach(c -> conditions.add(new Condition(c.kind(), c.name(), c.met(), c.detail())));
        }
        for (UnmetCondition unmet : step.rules().unmet(step.move())) {
            if (!covered(unmet.code())) {
                conditions.add(new Condition(kind(unmet.code()), unmet.code().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '-'), false, unmet.sentence()));
            }
        }
        boolean open = conditions.stream().allMatch(Condition::met);
        return new GateChecklistView(migration, wave.name(), now, step.name(), open, conditions);
    }

    private record Step(String name, Phase target, Rules<WaveMove> rules, WaveMove move) {
    }

    private static Step step(Wave wave, WaveMove move) {
        return switch (wave.phase()) {
            case SHADOW -> new Step("canary at " + wave.firstCanaryStep() + "%", Phase.CANARY,
                    TransitionRules.ENTER_CANARY, move.withWeight(wave.firstCanaryStep()));
            case CANARY -> wave.nextCanaryStep()
                    .map(next -> new Step("canary to " + next + "%", null, TransitionRules.RAISE_CANARY,
                            move.withWeight(next)))
                    .orElse(new Step("cutover", Phase.CUTOVER, TransitionRules.CUTOVER, move));
            default -> {
                Phase next = wave.phase().next().orElseThrow();
                yield new Step("advance to " + next, next, TransitionRules.ADVANCE, move);
            }
        };
    }

    // these are listed one by one above, met or not
    private static boolean covered(RejectionCode code) {
        return code == RejectionCode.VALIDATION_FAILED || code == RejectionCode.VALIDATION_MISSING
                || code == RejectionCode.GO_NO_GO_NOT_PASSED || code == RejectionCode.DEPENDENCY_NOT_READY;
    }

    private static String kind(RejectionCode code) {
        if (code == RejectionCode.OUTSIDE_WINDOW || code == RejectionCode.CHANGE_FREEZE
                || code == RejectionCode.HOLD_NOT_OVER) {
            return "time";
        }
        return code == RejectionCode.ILLEGAL_TRANSITION ? "phase" : "canary";
    }
}
