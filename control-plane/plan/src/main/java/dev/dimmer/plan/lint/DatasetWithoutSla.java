package dev.dimmer.plan.lint;

import dev.dimmer.plan.PlanProblem;
import java.util.ArrayList;
import java.util.List;

/** Without an SLA there is no yardstick for shadow and canary: "as fresh as before" must be a number. */
final class DatasetWithoutSla extends NamedRule {
    DatasetWithoutSla() {
        super("dataset-without-sla", Severity.WARNING,
                "a dataset has no SLA",
                "add sla: {freshness: 15m, availability: 99.9%} with the numbers its consumers rely on");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        List<PlanProblem> found = new ArrayList<>();
        for (int i = 0; i < context.plan().inventory().datasets().size(); i++) {
            var dataset = context.plan().inventory().datasets().get(i);
            if (dataset.sla() == null || dataset.sla().freshness() == null && dataset.sla().availability() == null) {
                found.add(context.at("inventory.datasets[" + i + "]", "dataset '" + dataset.name() + "' has no SLA"));
            }
        }
        return found;
    }
}
