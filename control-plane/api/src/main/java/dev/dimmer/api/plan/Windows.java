package dev.dimmer.api.plan;

import java.util.List;

/** When cutovers may happen, and when nothing may change. */
public record Windows(String timeZone, CutoverWindow cutover, List<Freeze> freezes) {
    public static final Windows NONE = new Windows(null, null, null);

    public Windows {
        freezes = Lists.of(freezes);
    }
}
