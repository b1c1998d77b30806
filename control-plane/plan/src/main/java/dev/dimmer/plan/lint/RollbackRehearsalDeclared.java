package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** A rehearsal written into the plan is a note for people; gates count only rehearsals Dimmer measured. */
final class RollbackRehearsalDeclared extends NamedRule {
    RollbackRehearsalDeclared() {
        super("rollback-rehearsal-declared", Severity.NOTE,
                "the plan declares a rehearsal, which no gate counts as evidence",
                "rehearse with dimmer rehearse MIGRATION WAVE (or --dry-run): the measured rehearsal is recorded and a gate with rehearsed_rollback counts it");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        return context.plan().rollback().rehearsal() == null ? List.of() : List.of(context.at("rollback.rehearsal",
                "a declared rehearsal is a note, not evidence; gates count only measured ones (dimmer rehearse)"));
    }
}
