package dev.dimmer.api.migration;

import java.util.Locale;
import java.util.Optional;

/** Where a wave stands, from dark (PLANNED) to full brightness and beyond (DECOMMISSIONED). */
public enum Phase {
    PLANNED, BACKFILL, SHADOW, CANARY, CUTOVER, STABILIZATION, DECOMMISSIONED;

    public Optional<Phase> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public boolean isBefore(Phase other) {
        return ordinal() < other.ordinal();
    }

    public boolean canRollBack() {
        return this == CANARY || this == CUTOVER || this == STABILIZATION;
    }

    /** The share of reads, in percent, that the target serves in this phase outside CANARY. */
    public int fixedWeight() {
        return ordinal() >= CUTOVER.ordinal() ? 100 : 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
