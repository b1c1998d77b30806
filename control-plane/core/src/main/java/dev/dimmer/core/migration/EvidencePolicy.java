package dev.dimmer.core.migration;

import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.UnmetCondition;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.plan.HumanUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Gates decide on recorded evidence only: every validation a gate guarding the wave's next phase names must have
 * passed in its latest result, and that result must be fresh: newer than the gate's {@code fresh_within}, else twice
 * the validation's {@code every}, else 24h. Each validation is one condition, so a refusal names every one.
 */
final class EvidencePolicy {
    static final Duration DEFAULT_FRESHNESS = Duration.ofHours(24);

    private EvidencePolicy() {
    }

    /** The conditions unmet among the validations the gates guarding {@code target} name. */
    static Function<WaveMove, List<UnmetCondition>> validationsPassed(Phase target) {
        return move -> conditions(move.plan(), move.evidence(), move.wave().name(), target, move.at()).stream()
                .filter(c -> !c.met()).map(c -> new UnmetCondition(c.code(), c.detail())).toList();
    }

    /**
     * What a move the scheduler makes by itself (auto_advance) needs on top of the step's own rules: every validation
     * the gates on the wave's canary and cutover name has passed and is fresh at the move's time. A person may raise
     * the weight on a red canary; the scheduler does not.
     */
    static Function<WaveMove, List<UnmetCondition>> autoAdvanceEvidence() {
        return move -> {
            Set<String> seen = new LinkedHashSet<>();
            List<UnmetCondition> unmet = new ArrayList<>();
            for (Phase target : List.of(Phase.CANARY, Phase.CUTOVER)) {
                for (GateCondition c : conditions(move.plan(), move.evidence(), move.wave().name(), target,
                        move.at())) {
                    if (!c.met() && seen.add(c.name())) {
                        unmet.add(new UnmetCondition(c.code(), c.detail()));
                    }
                }
            }
            return unmet;
        };
    }

    /** One condition per validation named by a gate guarding the wave's entry into {@code target}, in plan order. */
    static List<GateCondition> conditions(MigrationPlan plan, Evidence evidence, String wave, Phase target,
                                          Instant at) {
        if (plan == null) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<GateCondition> conditions = new ArrayList<>();
        for (Gate gate : plan.gates()) {
            if (!gate.guards(target, wave)) {
                continue;
            }
            for (String name : gate.validations()) {
                if (seen.add(name)) {
                    conditions.add(condition(plan, evidence, gate, name, at));
                }
            }
        }
        return conditions;
    }

    /** The latest result of each validation the wave's cutover gates name, as a voter sees it when voting. */
    static List<String> seen(MigrationPlan plan, Evidence evidence, String wave) {
        Set<String> names = new LinkedHashSet<>();
        plan.gates().stream().filter(g -> g.guards(Phase.CUTOVER, wave)).forEach(g -> names.addAll(g.validations()));
        return names.stream().map(name -> evidence.latest(name).map(r -> String.format("%s %s in run %s at %s",
                name, r.status().label(), r.runId(), r.at())).orElse(name + " never ran")).toList();
    }

    /** How recent a passing result of {@code validation} must be for {@code gate}. */
    static Duration freshness(Gate gate, ValidationPlan validation) {
        if (gate.freshWithin() != null && gate.freshWithin().value() != null) {
            return gate.freshWithin().value();
        }
        if (validation != null && validation.every() != null && validation.every().value() != null
                && !validation.every().value().isZero()) {
            return validation.every().value().multipliedBy(2);
        }
        return DEFAULT_FRESHNESS;
    }

    private static GateCondition condition(MigrationPlan plan, Evidence evidence, Gate gate, String name,
                                           Instant at) {
        ValidationPlan validation = plan.validation(name).orElse(null);
        Duration fresh = freshness(gate, validation);
        var latest = evidence.latest(name);
        if (latest.isEmpty()) {
            return new GateCondition("validation", name, false, String.format("%s has no result in the last %s; "
                    + "run it with dimmer validate %s <wave> --only %s", name, HumanUnits.format(fresh),
                    plan.slug(), name), RejectionCode.VALIDATION_MISSING);
        }
        var result = latest.get();
        Duration age = Duration.between(result.at(), at);
        String ago = age.isNegative() || age.isZero() ? "just now" : HumanUnits.format(truncate(age)) + " ago";
        String detail = String.format("%s %s %s%s", name, result.status().label(), ago, brief(name, result.summary()));
        if (result.status() != CheckStatus.PASSED) {
            return new GateCondition("validation", name, false, detail, RejectionCode.VALIDATION_FAILED);
        }
        if (age.compareTo(fresh) > 0) {
            return new GateCondition("validation", name, false, String.format("%s has no result in the last %s "
                    + "(it last passed %s)", name, HumanUnits.format(fresh), ago), RejectionCode.VALIDATION_MISSING);
        }
        return new GateCondition("validation", name, true, detail, null);
    }

    /** The result's summary without the validation's own name in front, in brackets; empty when there is none. */
    private static String brief(String name, String summary) {
        if (summary == null || summary.isBlank()) {
            return "";
        }
        String text = summary.startsWith(name + ": ") ? summary.substring(name.length() + 2) : summary;
        return " (" + text + ")";
    }

    private static Duration truncate(Duration age) {
        return age.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofSeconds(age.toSeconds())
                : Duration.ofMinutes(age.toMinutes());
    }

}
