package dev.dimmer.api.migration;

/**
 * Where a wave stands, in the words every edge uses: the board, refusals, Slack posts and the CLI say it the same
 * way. Three lengths: {@link #brief} ("CANARY 10%"), {@link #at} ("CANARY at 10%") and {@link #reads} ("CANARY at
 * 10% of reads on the target", "SHADOW (no reads on the target)").
 */
public final class PhaseWords {
    private PhaseWords() {
    }

    public static String brief(Phase phase, int weight) {
        return phase == Phase.CANARY ? "CANARY " + weight + "%" : phase.name();
    }

    public static String at(Phase phase, int weight) {
        return phase == Phase.CANARY ? "CANARY at " + weight + "%" : phase.name();
    }

    public static String reads(Phase phase, int weight) {
        if (phase == Phase.CANARY) {
            return "CANARY at " + weight + "% of reads on the target";
        }
        return phase + (phase.fixedWeight() == 100 ? " (all reads on the target)" : " (no reads on the target)");
    }
}
