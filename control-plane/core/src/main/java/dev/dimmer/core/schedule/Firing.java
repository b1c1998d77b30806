package dev.dimmer.core.schedule;

import dev.dimmer.api.schedule.DueKind;
import java.time.Instant;

/**
 * One firing of a job: what it is about, the time it was scheduled for (the command's time) and the idempotency
 * key made of the job and that time, so the same firing on a second node, after a recovery or as a misfire retry
 * is recognised and does not act twice.
 *
 * @param previous the job's previous scheduled fire time, or null (a digest reports what happened since)
 * @param due      what a one-off job announces was due then, or null
 */
public record Firing(String migration, DueKind kind, String wave, String validation, Instant scheduled,
                     Instant previous, Instant due, String key) {
    /** The same firing under another key, for a second command of one firing (a notice beside an advance). */
    Firing withKey(String other) {
        return new Firing(migration, kind, wave, validation, scheduled, previous, due, other);
    }

    static String key(String migration, String job, Instant scheduled) {
        return "schedule:" + migration + "/" + job + "@" + scheduled.toEpochMilli();
    }
}
