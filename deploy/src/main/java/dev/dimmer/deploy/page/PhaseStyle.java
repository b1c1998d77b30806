package dev.dimmer.deploy.page;

import dev.dimmer.api.migration.Phase;

/**
 * How a phase looks: a word, a glyph and a colour from the Okabe-Ito palette (told apart with any colour vision),
 * so no reader depends on the colour alone. {@code step} is how far along the dimmer the phase is, 1 to 7.
 */
public record PhaseStyle(String label, String css, String glyph, int step) {
    public static PhaseStyle of(Phase phase) {
        String glyph = switch (phase) {
            case PLANNED -> "○";
            case BACKFILL -> "◔";
            case SHADOW -> "◑";
            case CANARY -> "◕";
            case CUTOVER -> "●";
            case STABILIZATION -> "✔";
            case DECOMMISSIONED -> "■";
        };
        return new PhaseStyle(phase.label(), "phase-" + phase.label(), glyph, phase.ordinal() + 1);
    }

    public static final PhaseStyle ROLLED_BACK = new PhaseStyle("rolled back", "phase-rolledback", "↺", 0);

    /** The seven steps of the dimmer, for drawing the scale. */
    public static int steps() {
        return Phase.values().length;
    }
}
