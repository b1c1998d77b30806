package dev.dimmer.plan.lint;

import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** Poor validation: equal row counts hide wrong values; only hashes and business totals catch those. */
final class RowCountOnlyValidation extends NamedRule {
    RowCountOnlyValidation() {
        super("validation-row-count-only", Severity.WARNING,
                "validations count rows but never compare values or business totals",
                "add a checksum and a business aggregate (e.g. kind: aggregate, expression: sum(amount), group_by: [day])");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        if (context.plan().validations().isEmpty()
                || context.plan().validations().stream().anyMatch(RowCountOnlyValidation::comparesValues)) {
            return List.of();
        }
        return List.of(context.at("validations", "every validation is a count or a rate; none compares values "
                + "(checksum) or business totals (aggregate)"));
    }

    private static boolean comparesValues(ValidationPlan validation) {
        return validation instanceof ValidationPlan.Checksum || validation instanceof ValidationPlan.Aggregate
                || validation instanceof ValidationPlan.CustomSql;
    }
}
