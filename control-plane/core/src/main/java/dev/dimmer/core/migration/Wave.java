package dev.dimmer.core.migration;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PhaseWords;
import dev.dimmer.api.plan.WavePlan;
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

    void moveTo(Phase newPhase, int newWeight) {
        this.phase = newPhase;
        this.weight = newWeight;
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
                && java.util.Objects.equals(w.goNoGo, goNoGo) && w.rehearsal().equals(rehearsal());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, dependsOn, canarySteps, phase, weight, goNoGo, rehearsal());
    }

    String describe() {
        return PhaseWords.at(phase, weight);
    }
}
