package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** Updates need a rhythm, and cutover needs the tightest one. */
final class CadenceMissing extends NamedRule {
    CadenceMissing() {
        super("communication-cadence-missing", Severity.WARNING,
                "the plan sets no update cadence for cutover",
                "add communication.cadence, e.g. {shadow: 7d, canary: 1d, cutover: 1h}");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        var cadence = context.plan().communication().cadence();
        if (cadence.containsKey("cutover")) {
            return List.of();
        }
        return List.of(context.at("communication.cadence", cadence.isEmpty() ? "no update cadence is set"
                : "the cadence has no entry for cutover"));
    }
}
