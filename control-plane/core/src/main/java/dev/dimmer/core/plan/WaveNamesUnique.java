package dev.dimmer.core.plan;

import dev.dimmer.api.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Waves are addressed by name (commands, depends_on, switches), so two waves may not share one. */
final class WaveNamesUnique implements PlanCheck {
    @Override
    public List<PlanProblem> check(MigrationPlan plan, LocatedDocument document) {
        List<PlanProblem> problems = new ArrayList<>();
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < plan.waves().size(); i++) {
            String name = plan.waves().get(i).name();
            if (name == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(name, i);
            if (earlier != null) {
                problems.add(document.problem("waves[" + i + "].name", "duplicate wave name '" + name
                        + "' (also waves[" + earlier + "]); give each wave its own name"));
            }
        }
        return problems;
    }
}
