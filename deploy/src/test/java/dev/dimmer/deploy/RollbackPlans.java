package dev.dimmer.deploy;

import dev.dimmer.api.rollback.RunbookCompletedEvent;
import dev.dimmer.api.rollback.RunbookStartedEvent;
import dev.dimmer.api.rollback.RunbookStepSucceededEvent;
import dev.dimmer.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What became of the rollback plans started under the faults, read from the log and from the webhook receiver:
 * each plan completed once, its step succeeded once, and its webhook reached the receiver under the plan's own
 * Idempotency-Key (more than one call with a key is a redelivery the receiver deduplicates, and is counted).
 */
final class RollbackPlans {
    private RollbackPlans() {
    }

    record Findings(List<String> problems, int plans, int completed, int calls, int redelivered) {
    }

    /** Waits until every started runbook has completed (or the patience runs out). */
    static void awaitCompleted(TestDatabase database, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && LoggedEvents.of(database, RunbookStartedEvent.class).size()
                > LoggedEvents.of(database, RunbookCompletedEvent.class).size()) {
            Thread.sleep(500);
        }
    }

    static Findings check(TestDatabase database, Map<String, Integer> hookCalls) {
        Map<String, Long> completed = countByRun(database, RunbookCompletedEvent.class);
        Map<String, Long> succeeded = countByRun(database, RunbookStepSucceededEvent.class);
        List<String> problems = new ArrayList<>();
        Set<String> expectedKeys = new java.util.HashSet<>();
        List<LoggedEvents.Logged> started = LoggedEvents.of(database, RunbookStartedEvent.class);
        Map<String, Integer> startedRuns = new HashMap<>();
        for (LoggedEvents.Logged plan : started) {
            String run = run(plan);
            if (startedRuns.merge(run, 1, Integer::sum) > 1) {
                problems.add("rollback plan " + run + " started twice");
            }
            long done = completed.getOrDefault(run, 0L);
            if (done != 1) {
                problems.add("rollback plan " + run + " completed " + done + " times");
            }
            int steps = plan.payload().path("steps").size();
            for (int step = 0; step < steps; step++) {
                long ok = succeeded.getOrDefault(run + ":" + step, 0L);
                if (ok != 1) {
                    problems.add("step " + step + " of rollback plan " + run + " succeeded " + ok + " times");
                }
                String key = "dimmer:" + plan.migration() + ":" + plan.payload().path("wave").asText() + ":rollback:"
                        + plan.payload().path("run").asInt() + ":" + step;
                expectedKeys.add(key);
                if (!hookCalls.containsKey(key)) {
                    problems.add("the webhook of rollback plan " + run + " step " + step + " never arrived");
                }
            }
        }
        Map<String, Integer> strays = new TreeMap<>(hookCalls);
        strays.keySet().removeAll(expectedKeys);
        if (!strays.isEmpty()) {
            problems.add("webhook calls for no rollback plan on record: " + strays);
        }
        int calls = hookCalls.values().stream().mapToInt(Integer::intValue).sum();
        int redelivered = hookCalls.values().stream().mapToInt(n -> n - 1).sum();
        return new Findings(problems, started.size(), completed.values().stream().mapToInt(Long::intValue).sum(),
                calls, redelivered);
    }

    private static String run(LoggedEvents.Logged event) {
        return event.migration() + "/" + event.payload().path("wave").asText() + "/"
                + event.payload().path("purpose").asText() + "#" + event.payload().path("run").asInt();
    }

    private static Map<String, Long> countByRun(TestDatabase database, Class<?> type) {
        return LoggedEvents.of(database, type).stream().collect(Collectors.groupingBy(e -> {
            String run = run(e);
            return e.payload().has("step") ? run + ":" + e.payload().path("step").asInt() : run;
        }, Collectors.counting()));
    }
}
