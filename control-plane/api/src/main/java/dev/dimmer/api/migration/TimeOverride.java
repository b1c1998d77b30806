package dev.dimmer.api.migration;

import java.util.Locale;

/**
 * A time rule a lead may set aside for one command, with a reason that the audit trail keeps: the cutover window and
 * freezes ({@code --override-window}), the shadow duration and canary holds ({@code --override-hold}), the
 * stabilization period before decommission ({@code --override-stabilization}).
 */
public enum TimeOverride {
    WINDOW, HOLD, STABILIZATION;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The override a word names ({@code window}, {@code hold}, {@code stabilization}), or null for none. */
    public static TimeOverride parse(String word) {
        for (TimeOverride override : values()) {
            if (word != null && override.label().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return override;
            }
        }
        return null;
    }
}
