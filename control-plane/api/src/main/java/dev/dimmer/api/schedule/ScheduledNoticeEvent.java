package dev.dimmer.api.schedule;

import dev.dimmer.api.migration.MigrationEvent;
import java.time.Instant;

/**
 * The scheduler said something that was due, at the job's scheduled fire time {@code at}.
 *
 * @param wave the wave it is about, or null for the whole migration
 * @param due  when it was due (a hold's end, a digest's slot)
 */
public record ScheduledNoticeEvent(String migrationId, String wave, DueKind kind, String text, Instant due,
                                   Instant at) implements MigrationEvent {
    public String noticeKey() {
        return kind.label() + ":" + (wave == null ? "" : wave) + ":" + due;
    }
}
