package dev.dimmer.api.rollback;

import java.util.Locale;

/** Why a runbook runs: a wave was rolled back, or it cut over. Both run the same kinds of step the same way. */
public enum RunPurpose {
    ROLLBACK, CUTOVER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
