package dev.dimmer.core.web;

import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.TimeOverride;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The body of a wave or migration action: why, for canary moves the weight wanted, and for a lead's advance or
 * cutover the time rules set aside for it ({@code override}: {@code window}, {@code hold}, {@code stabilization}).
 */
@Introspected
public record WaveActionRequest(@Nullable String reason, @Nullable Integer weight, @Nullable List<String> override) {
    public WaveActionRequest(String reason, Integer weight) {
        this(reason, weight, null);
    }

    /** The overrides asked for; a word that names none is refused, naming the ones there are. */
    public Set<TimeOverride> overrides() {
        Set<TimeOverride> asked = EnumSet.noneOf(TimeOverride.class);
        for (String word : override == null ? List.<String>of() : override) {
            TimeOverride parsed = TimeOverride.parse(word);
            if (parsed == null) {
                throw new CommandRejectedException(RejectionCode.INVALID_COMMAND, "override: '" + word
                        + "' is no time rule; use window, hold or stabilization, e.g. {\"override\": [\"window\"], "
                        + "\"reason\": \"...\"}");
            }
            asked.add(parsed);
        }
        return asked;
    }
}
