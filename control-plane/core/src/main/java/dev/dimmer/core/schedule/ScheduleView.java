package dev.dimmer.core.schedule;

import io.micronaut.core.annotation.Introspected;
import java.util.List;

/**
 * What is due for a migration, soonest first, times in the plan's time zone.
 *
 * @param timeZone the plan's time zone ({@code windows.time_zone}; UTC when absent)
 */
@Introspected
public record ScheduleView(String migrationId, String timeZone, List<Job> jobs) {
    /**
     * One job.
     *
     * @param kind       e.g. validation, hold-ends, go-no-go-review, digest
     * @param wave       the wave, or null
     * @param validation the validation, or null
     * @param nextFire   the next fire time (ISO 8601 with the zone's offset), or null when it fires no more
     * @param rule       why, in the plan's words
     */
    @Introspected
    public record Job(String kind, String wave, String validation, String nextFire, String rule) {
    }
}
