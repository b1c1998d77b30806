package dev.dimmer.core.schedule;

import dev.dimmer.api.schedule.DueKind;
import java.time.Duration;
import java.time.Instant;

/**
 * One job a migration's plan and state call for: what it does, for which wave and validation, why (the rule, in
 * words), when it fires first and, for a recurring job, how often.
 *
 * @param wave       the wave, or null for the whole migration (a digest, a window's end)
 * @param validation the validation, or null
 * @param start      the (first) fire time
 * @param every      the period of a recurring job; null for a job that fires once
 * @param due        for a job that fires once, what it announces was due then (its notice's key); else null
 */
public record Due(DueKind kind, String wave, String validation, String rule, Instant start, Duration every,
                  Instant due) {
    /** The job's name inside the migration's group: one job per kind, wave and validation. */
    public String name() {
        return kind.label() + ":" + (wave == null ? "" : wave) + ":" + (validation == null ? "" : validation);
    }

    public boolean recurring() {
        return every != null;
    }
}
