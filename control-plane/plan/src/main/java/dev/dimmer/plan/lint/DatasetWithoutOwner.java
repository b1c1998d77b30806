package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.ArrayList;
import java.util.List;

/** A dataset without an owner has nobody to sign off its validations or answer for it after cutover. */
final class DatasetWithoutOwner extends NamedRule {
    DatasetWithoutOwner() {
        super("dataset-without-owner", Severity.WARNING,
                "a dataset has no owner",
                "add owner: the team that signs off this dataset's validations");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        List<PlanProblem> found = new ArrayList<>();
        for (int i = 0; i < context.plan().inventory().datasets().size(); i++) {
            if (context.plan().inventory().datasets().get(i).owner() == null) {
                found.add(context.at("inventory.datasets[" + i + "]", "dataset '"
                        + context.plan().inventory().datasets().get(i).name() + "' has no owner"));
            }
        }
        return found;
    }
}
