package dev.dimmer.plan;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.util.ArrayList;
import java.util.List;

/** Every name in a wave's depends_on is another wave of the same plan. */
final class WaveDependenciesKnown implements PlanCheck {
    @Override
    public List<PlanProblem> check(MigrationPlan plan, LocatedDocument document) {
        List<PlanProblem> problems = new ArrayList<>();
        for (int i = 0; i < plan.waves().size(); i++) {
            WavePlan wave = plan.waves().get(i);
            List<String> others = plan.waves().stream().map(WavePlan::name).filter(n -> n != null && !n.equals(wave.name())).toList();
            String path = "waves[" + i + "].depends_on";
            for (int j = 0; j < wave.dependsOn().size(); j++) {
                String dependency = wave.dependsOn().get(j);
                if (dependency == null) {
                    continue;
                }
                if (dependency.equals(wave.name())) {
                    problems.add(document.problemAt(path + "[" + j + "]", path, "wave '" + dependency
                            + "' depends on itself; remove it from its own depends_on"));
                } else if (!others.contains(dependency)) {
                    problems.add(document.problemAt(path + "[" + j + "]", path, "unknown wave '" + dependency
                            + "'; expected one of: " + (others.isEmpty() ? "(no other waves)" : String.join(", ", others))));
                }
            }
        }
        return problems;
    }
}
