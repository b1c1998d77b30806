package dev.dimmer.api.schedule;

import java.util.Locale;

/** What a scheduled job does when it fires. */
public enum DueKind {
    /** runs one validation of a wave, every so often, while its wave is in SHADOW through STABILIZATION */
    VALIDATION,
    /** a shadow or canary hold ends: the thread hears that the wave may move; with auto_advance the weight goes up */
    HOLD_ENDS,
    /** auto_advance found the hold over but the wave may not move by itself yet: the thread hears why (a notice) */
    AUTO_ADVANCE_HELD,
    /** a go/no-go ballot is about to expire: the thread hears when, and the quorum the vote would have then */
    VOTE_EXPIRES,
    /** a go/no-go ballot expired and the go/no-go no longer passes: the thread hears it */
    VOTE_EXPIRED,
    /** a wave's stabilization ends: the thread hears it is ready to decommission */
    STABILIZATION_ENDS,
    /** the old system's retention after a wave's cutover is about to end (announced a day ahead) */
    RETENTION_ENDS,
    /** the go/no-go review opens at the plan's lead time before the next window a wave could cut over in */
    GO_NO_GO_REVIEW,
    /** approvers who have not voted are reminded four hours before the window */
    GO_NO_GO_REMINDER,
    /** a gate's evidence would be stale at the next window: its validations run again in time */
    FRESH_EVIDENCE,
    /** the window closes: a cutover still running then is posted as overrunning */
    WINDOW_ENDS,
    /** the status digest per communication.cadence */
    DIGEST;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
