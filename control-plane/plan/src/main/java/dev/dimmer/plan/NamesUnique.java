package dev.dimmer.plan;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Waves, datasets, validations, gates, pipelines and consumers are referred to by name, so names are unique. */
final class NamesUnique implements PlanCheck {
    @Override
    public List<PlanProblem> check(MigrationPlan plan, LocatedDocument document) {
        List<PlanProblem> problems = new ArrayList<>();
        unique(problems, document, "waves", "wave", plan.waves(), w -> w.name());
        unique(problems, document, "inventory.datasets", "dataset", plan.inventory().datasets(), d -> d.name());
        unique(problems, document, "inventory.pipelines", "pipeline", plan.inventory().pipelines(), p -> p.name());
        unique(problems, document, "inventory.consumers", "consumer", plan.inventory().consumers(), c -> c.name());
        unique(problems, document, "validations", "validation", plan.validations(), v -> v.name());
        unique(problems, document, "gates", "gate", plan.gates(), g -> g.name());
        return problems;
    }

    private static <T> void unique(List<PlanProblem> problems, LocatedDocument document, String listPath, String what,
                                   List<T> items, Function<T, String> name) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String itemName = items.get(i) == null ? null : name.apply(items.get(i));
            if (itemName == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(itemName, i);
            if (earlier != null) {
                problems.add(document.problem(listPath + "[" + i + "].name", "duplicate " + what + " name '" + itemName
                        + "' (also " + listPath + "[" + earlier + "]); give each " + what + " its own name"));
            }
        }
    }
}
