package dev.dimmer.projections.switches;

import java.util.Locale;

/** What a routing switch tells a consumer to read. */
public enum SwitchValue {
    SOURCE, TARGET;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
