package dev.dimmer.plan;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A wave may not cut over before the waves it depends on are stable, so a cycle in depends_on would block every
 * wave in it forever. Each cycle is reported once, at the first of its waves in the file.
 */
final class WaveDependenciesAcyclic implements PlanCheck {
    @Override
    public List<PlanProblem> check(MigrationPlan plan, LocatedDocument document) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < plan.waves().size(); i++) {
            WavePlan wave = plan.waves().get(i);
            if (wave.name() == null) {
                continue;
            }
            edges.putIfAbsent(wave.name(), wave.dependsOn());
            index.putIfAbsent(wave.name(), i);
        }
        List<PlanProblem> problems = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (String start : edges.keySet()) {
            if (reported.contains(start)) {
                continue;
            }
            List<String> cycle = cycleThrough(start, edges);
            if (!cycle.isEmpty()) {
                reported.addAll(cycle);
                problems.add(document.problem("waves[" + index.get(start) + "].depends_on",
                        "dependency cycle " + String.join(" → ", cycle) + " → " + start
                                + "; remove one depends_on entry so the waves can be ordered"));
            }
        }
        return problems;
    }

    /** The shortest path start → … → start along depends_on, or empty when start is on no cycle. */
    private static List<String> cycleThrough(String start, Map<String, List<String>> edges) {
        Map<String, String> cameFrom = new LinkedHashMap<>();
        List<String> frontier = new ArrayList<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String wave : frontier) {
                for (String dependency : edges.getOrDefault(wave, List.of())) {
                    if (start.equals(dependency) && !wave.equals(start)) {
                        return pathTo(wave, start, cameFrom);
                    }
                    if (edges.containsKey(dependency) && !start.equals(dependency) && seen.add(dependency)) {
                        cameFrom.put(dependency, wave);
                        next.add(dependency);
                    }
                }
            }
            frontier = next;
        }
        return List.of();
    }

    private static List<String> pathTo(String last, String start, Map<String, String> cameFrom) {
        List<String> path = new ArrayList<>();
        for (String at = last; !at.equals(start); at = cameFrom.get(at)) {
            path.add(0, at);
        }
        path.add(0, start);
        return path;
    }
}
