package dev.dimmer.plan;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A metric validation can be asked and judged: the plan says which Prometheus answers it ({@code metrics.prometheus})
 * and the validation has a bound to hold the value to ({@code max}, {@code min} or both).
 */
final class MetricsAnswerable implements PlanCheck {
    @Override
    public List<PlanProblem> check(MigrationPlan plan, LocatedDocument document) {
        List<PlanProblem> problems = new ArrayList<>();
        boolean prometheus = plan.metrics().prometheus() != null && !plan.metrics().prometheus().isBlank();
        for (int i = 0; i < plan.validations().size(); i++) {
            if (!(plan.validations().get(i) instanceof ValidationPlan.Metric metric)) {
                continue;
            }
            String path = "validations[" + i + "]";
            if (!prometheus) {
                problems.add(document.problem(path + ".query", "metric validation '" + metric.name() + "' needs a "
                        + "Prometheus to ask; add metrics: {prometheus: http://HOST:9090} to the plan"));
            }
            if (metric.max() == null && metric.min() == null) {
                problems.add(document.problem(path, "metric validation '" + metric.name() + "' has neither max nor "
                        + "min; give the highest accepted value (max: 0.01) or the lowest (min: 0.99), or both"));
            }
        }
        return problems;
    }
}
