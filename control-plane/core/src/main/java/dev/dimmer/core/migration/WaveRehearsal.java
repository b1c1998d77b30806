package dev.dimmer.core.migration;

import java.time.Instant;

/**
 * What a wave's rehearsal gate looks at: whether a gate guarding its cutover asks for a rehearsed rollback and how
 * long one may take, when the plan's rollback section last changed, and the last measured rehearsal that succeeded.
 *
 * @param maxMillis          the plan's {@code rollback.max_duration}
 * @param rollbackRevisedAt  the time of the plan revision (or registration) that last touched the rollback section
 * @param rehearsedAt        the last succeeded rehearsal's time; null when none
 */
record WaveRehearsal(boolean required, long maxMillis, Instant rollbackRevisedAt, Instant rehearsedAt,
                     long tookMillis, boolean dryRun) {
    static final WaveRehearsal NONE = new WaveRehearsal(false, 0, null, null, 0, false);

    WaveRehearsal planned(boolean needed, long max, Instant revisedAt) {
        return new WaveRehearsal(needed, max, revisedAt, rehearsedAt, tookMillis, dryRun);
    }

    WaveRehearsal rehearsed(Instant at, long took, boolean dry) {
        return new WaveRehearsal(required, maxMillis, rollbackRevisedAt, at, took, dry);
    }
}
