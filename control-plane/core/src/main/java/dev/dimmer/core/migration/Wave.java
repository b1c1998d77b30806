package dev.dimmer.core.migration;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PhaseWords;
import dev.dimmer.api.plan.WavePlan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A wave inside the Migration aggregate: its plan and where it stands. Changed only by event sourcing handlers. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class Wave {
    private String name;
    private List<String> dependsOn;
    private List<Integer> canarySteps;
    private Phase phase;
    private int weight;
    private GoNoGo goNoGo;
    private WaveRehearsal rehearsal = WaveRehearsal.NONE;
    // when the wave last moved (phase or weight), and when it first entered SHADOW; null in snapshots from before
    // the time rules, which then hold no time against the wave
    private Instant since;
    private Instant shadowSince;
    private Instant cutoverAt;

    // Required by Jackson to read snapshots
    private Wave() {
    }

    Wave(WavePlan plan) {
        this.name = plan.name();
        this.dependsOn = plan.dependsOn();
        this.canarySteps = plan.canarySteps();
        this.phase = Phase.PLANNED;
        this.weight = 0;
    }

    void revise(WavePlan plan) {
        this.dependsOn = plan.dependsOn();
        this.canarySteps = plan.canarySteps();
    }

    void moveTo(Phase newPhase, int newWeight, Instant at) {
        if (newPhase == Phase.SHADOW && phase.isBefore(Phase.SHADOW)) {
            this.shadowSince = at;
        }
        if (newPhase == Phase.CUTOVER) {
            this.cutoverAt = at;
        }
        this.phase = newPhase;
        this.weight = newWeight;
        this.since = at;
    }

    /** When the wave last cut over; null before. */
    Instant cutoverAt() {
        return cutoverAt;
    }

    /** When the wave last changed phase or weight; null when not known. */
    Instant since() {
        return since;
    }

    /** When the wave entered SHADOW from backfill (a rollback back to SHADOW does not restart it); null before. */
    Instant shadowSince() {
        return shadowSince;
    }

    void decideWith(GoNoGo vote) {
        this.goNoGo = vote;
    }

    void rehearse(WaveRehearsal record) {
        this.rehearsal = record;
    }

    WaveRehearsal rehearsal() {
        return rehearsal == null ? WaveRehearsal.NONE : rehearsal;
    }

    GoNoGo goNoGo() {
        return goNoGo;
    }

    String name() {
        return name;
    }

    List<String> dependsOn() {
        return dependsOn;
    }

    Phase phase() {
        return phase;
    }

    int weight() {
        return weight;
    }

    int firstCanaryStep() {
        return canarySteps.get(0);
    }

    int lastCanaryStep() {
        return canarySteps.get(canarySteps.size() - 1);
    }

    /** The first plan step above the current weight, if any. */
    Optional<Integer> nextCanaryStep() {
        return canarySteps.stream().filter(step -> step > weight).findFirst();
    }

    // Value equality lets Axon's test fixture prove that sourcing events rebuilds exactly the handled state
    @Override
    public boolean equals(Object other) {
        return other instanceof Wave w && w.name.equals(name) && w.dependsOn.equals(dependsOn)
                && w.canarySteps.equals(canarySteps) && w.phase == phase && w.weight == weight
                && java.util.Objects.equals(w.goNoGo, goNoGo) && w.rehearsal().equals(rehearsal())
                && java.util.Objects.equals(w.since, since) && java.util.Objects.equals(w.shadowSince, shadowSince)
                && java.util.Objects.equals(w.cutoverAt, cutoverAt);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, dependsOn, canarySteps, phase, weight, goNoGo, rehearsal(), since, shadowSince,
                cutoverAt);
    }

    String describe() {
        return PhaseWords.at(phase, weight);
    }
}
