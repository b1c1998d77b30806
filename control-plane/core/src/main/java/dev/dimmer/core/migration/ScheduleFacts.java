package dev.dimmer.core.migration;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.ValidationPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the scheduler derives a migration's jobs from: the plan and, per wave, where it stands and since when, its
 * go/no-go, the validations it has running, and when each validation last passed. A copy: it changes nothing.
 */
public record ScheduleFacts(String migrationId, MigrationPlan plan, boolean aborted, List<WaveFacts> waves,
                            Set<String> noticed) {
    /** A validation's latest result: its status word (passed, failed, errored) and time. */
    public record Result(String status, Instant at) {
    }

    /**
     * A ballot on a wave's open go/no-go and the moment it stops counting: who voted how on which step, when it
     * expires and after how long, whether the go/no-go passes just before that moment, and what it lacks at that
     * moment (every ballot counted as it would count then; empty when it still passes).
     */
    public record Expiry(String voterId, String voterName, String vote, String step, Instant at, Duration expiry,
                         boolean passesBefore, List<String> shortfallAfter) {
        public Expiry {
            shortfallAfter = List.copyOf(shortfallAfter);
        }

        /** "approval" or "rejection". */
        public String ballot() {
            return vote.equals("approve") ? "approval" : "rejection";
        }

        /** Whether the go/no-go passed until this ballot expired and no longer passes then. */
        public boolean dropsQuorum() {
            return passesBefore && !shortfallAfter.isEmpty();
        }
    }

    /**
     * One wave as the scheduler sees it.
     *
     * @param expiries the ballots on its open go/no-go (on a step still ahead), soonest expiry first
     */
    public record WaveFacts(String name, Phase phase, int weight, Instant since, Instant shadowSince,
                            Instant cutoverAt, Instant goNoGoOpenedAt, boolean goNoGoPassed, Set<String> voters,
                            Set<String> running, Map<String, Result> latest, List<Expiry> expiries) {
        public WaveFacts {
            expiries = expiries == null ? List.of() : List.copyOf(expiries);
        }

        public WaveFacts(String name, Phase phase, int weight, Instant since, Instant shadowSince, Instant cutoverAt,
                         Instant goNoGoOpenedAt, boolean goNoGoPassed, Set<String> voters, Set<String> running,
                         Map<String, Result> latest) {
            this(name, phase, weight, since, shadowSince, cutoverAt, goNoGoOpenedAt, goNoGoPassed, voters, running,
                    latest, List.of());
        }

        /** Whether the validation has a run open now (the scheduler never starts an overlapping one). */
        public boolean runs(String validation) {
            return running.contains(validation);
        }
    }

    public Optional<WaveFacts> wave(String name) {
        return waves.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** Whether the notice (kind:wave:due) was given already. */
    public boolean noticed(String key) {
        return noticed.contains(key);
    }

    static ScheduleFacts of(String id, MigrationPlan plan, Map<String, Wave> waves, Evidence evidence,
                            Instant abortedAt, Set<String> noticed) {
        List<WaveFacts> facts = waves.values().stream().map(w -> {
            GoNoGo vote = w.goNoGo();
            Set<String> running = new TreeSet<>(evidence.running(w.name()));
            Map<String, Result> latest = new java.util.TreeMap<>();
            plan.validationsOf(w.name()).forEach(v -> evidence.latest(v.name()).ifPresent(l -> latest.put(v.name(),
                    new Result(l.status().name().toLowerCase(java.util.Locale.ROOT), l.at()))));
            return new WaveFacts(w.name(), w.phase(), w.weight(), w.since(), w.shadowSince(), w.cutoverAt(),
                    vote == null ? null : vote.openedAt(), vote != null && vote.passedAt(latest(vote)),
                    vote == null ? Set.of() : Set.copyOf(vote.ballots().keySet()),
                    Set.copyOf(running), Map.copyOf(latest), expiries(w));
        }).toList();
        return new ScheduleFacts(id, plan, abortedAt != null, facts, Set.copyOf(noticed));
    }

    private static List<Expiry> expiries(Wave wave) {
        GoNoGo vote = wave.goNoGo();
        if (vote == null || !wave.phase().isBefore(vote.before())) {
            return List.of();
        }
        return vote.ballots().entrySet().stream().map(e -> {
            Instant at = e.getValue().at().plus(vote.expiry());
            return new Expiry(e.getKey(), e.getValue().voterName(), e.getValue().vote().label(),
                    vote.before().label(), at, vote.expiry(), vote.passedAt(at.minusMillis(1)), vote.shortfall(at));
        }).sorted(java.util.Comparator.comparing(Expiry::at).thenComparing(Expiry::voterId)).toList();
    }

    // the go/no-go as of its latest ballot: passed then, expiry aside (the scheduler only reminds the ones missing)
    private static Instant latest(GoNoGo vote) {
        return vote.ballots().values().stream().map(Ballot::at).max(Instant::compareTo).orElse(vote.openedAt());
    }

    /** How recent a gate's validation must be at a cutover: the gate's rule, as the evidence policy reads it. */
    public static Duration freshness(Gate gate, ValidationPlan validation) {
        return EvidencePolicy.freshness(gate, validation);
    }
}
