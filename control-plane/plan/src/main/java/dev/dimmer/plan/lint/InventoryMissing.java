package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.List;

/** A plan that lists no datasets cannot be validated, scoped per wave or checked for owners and SLAs. */
final class InventoryMissing extends NamedRule {
    InventoryMissing() {
        super("inventory-missing", Severity.WARNING,
                "the plan lists no datasets",
                "list every dataset that moves under inventory.datasets with table, key columns, owner and SLA");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        return context.plan().inventory().datasets().isEmpty()
                ? List.of(context.at("inventory.datasets", "no datasets are inventoried")) : List.of();
    }
}
