package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** Without validations, nothing tells whether the target holds the same data before users depend on it. */
final class ValidationMissing extends NamedRule {
    ValidationMissing() {
        super("validation-missing", Severity.ERROR,
                "the plan defines no validations",
                "add validations comparing source and target: row_count, checksum and a business aggregate per dataset");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        return context.plan().validations().isEmpty()
                ? List.of(context.at("validations", "no validation compares source and target"))
                : List.of();
    }
}
