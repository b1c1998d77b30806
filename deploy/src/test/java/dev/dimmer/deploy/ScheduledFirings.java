package dev.dimmer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.api.evidence.ValidationRunRequestedEvent;
import dev.dimmer.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the scheduler did for the recurring validations, read from the log: one run per (job, fire time), none
 * doubled, none closer than a period to the one before, and a slot without a run only while the whole cluster could
 * not reach the database (plus the scheduler's pick-up time after it came back). Each miss is said.
 */
final class ScheduledFirings {
    private static final Duration PERIOD = Duration.ofSeconds(10);
    // after an outage: the scheduler's idle wait and misfire threshold (5 s each by default) and a check-in
    private static final Duration PICK_UP = Duration.ofSeconds(20);

    private ScheduledFirings() {
    }

    /** A span in which no node could reach the database. */
    record Outage(String what, Instant from, Instant to) {
    }

    /** What was found: problems (each a sentence), and the misses the outages explain. */
    record Findings(List<String> problems, List<String> explained, int runs, int jobs) {
    }

    static Findings check(TestDatabase database, List<String> migrations, String validation, List<Outage> outages,
                          Instant loadStart, Instant loadEnd) {
        Map<String, List<Instant>> runs = new TreeMap<>();
        for (LoggedEvents.Logged event : LoggedEvents.of(database, ValidationRunRequestedEvent.class)) {
            for (JsonNode name : event.payload().path("validations")) {
                runs.computeIfAbsent(event.migration() + "/" + name.asText(), k -> new ArrayList<>())
                        .add(Instant.parse(event.payload().path("at").asText()));
            }
        }
        List<String> problems = new ArrayList<>();
        List<String> explained = new ArrayList<>();
        int total = 0;
        for (String migration : migrations) {
            String job = migration + "/" + validation;
            List<Instant> times = runs.getOrDefault(job, List.of()).stream().sorted().toList();
            total += times.size();
            if (times.isEmpty()) {
                problems.add(job + " never fired");
                continue;
            }
            for (int i = 1; i < times.size(); i++) {
                Instant before = times.get(i - 1);
                Instant at = times.get(i);
                Duration gap = Duration.between(before, at);
                if (gap.isZero()) {
                    problems.add(job + " fired twice for " + at);
                } else if (gap.compareTo(PERIOD.minusSeconds(1)) < 0) {
                    problems.add(job + " fired " + gap.toMillis() + " ms after its previous run (" + before + ", "
                            + at + "): closer than its period");
                } else if (missed(gap) > 0) {
                    miss(job, before, at, missed(gap), outages, problems, explained);
                }
            }
            Instant last = times.get(times.size() - 1);
            if (Duration.between(last, loadEnd).compareTo(PERIOD.multipliedBy(2).plus(PICK_UP)) > 0) {
                problems.add(job + " stopped firing: its last run was at " + last + ", the load ran until " + loadEnd);
            }
        }
        return new Findings(problems, explained, total, migrations.size());
    }

    /**
     * The slots a gap between two runs left without a run of their own: a late run (the scheduler fires a misfired
     * trigger once, at once) stands for the first slot it follows, so 18 s after the last run is one late run, and
     * 27 s is one late run for two slots: one missed.
     */
    static long missed(Duration gap) {
        return Math.max(0, gap.plusMillis(500).toMillis() / PERIOD.toMillis() - 1);
    }

    private static void miss(String job, Instant before, Instant at, long slots, List<Outage> outages,
                             List<String> problems, List<String> explained) {
        String gap = job + " missed " + slots + " slot(s) between its runs at " + before + " and " + at;
        // every moment a missed slot may have been due lies within an outage (or its pick-up time after)
        java.util.Set<String> causes = new java.util.LinkedHashSet<>();
        for (Instant t = before.plus(PERIOD); !t.isAfter(at.minus(PERIOD)); t = t.plusSeconds(1)) {
            Instant moment = t;
            Outage cause = outages.stream().filter(o -> !moment.isBefore(o.from().minus(PERIOD))
                    && !moment.isAfter(o.to().plus(PICK_UP))).findFirst().orElse(null);
            if (cause == null) {
                problems.add(gap + ": at " + moment + " every node could reach the database");
                return;
            }
            causes.add(cause.what());
        }
        explained.add(gap + " (" + String.join(", then ", causes) + ")");
    }
}
