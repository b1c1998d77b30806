package dev.dimmer.api.migration;

/** Why a command was refused, in a form programs can branch on. */
public enum RejectionCode {
    /** The wave's phase does not allow the step (409). */
    ILLEGAL_TRANSITION,
    /** A wave this one depends on is not far enough along (409). */
    DEPENDENCY_NOT_READY,
    /** The migration was aborted (409). */
    MIGRATION_ABORTED,
    /** The cutover has no passed, unexpired go/no-go (409). */
    GO_NO_GO_NOT_PASSED,
    /** A validation the gate names failed or errored in its latest result (409). */
    VALIDATION_FAILED,
    /** A validation the gate names has no result, or none fresh enough (409). */
    VALIDATION_MISSING,
    /** The cutover's gate asks for a measured, fresh, quick enough rollback rehearsal and there is none (409). */
    ROLLBACK_NOT_REHEARSED,
    /** A cutover outside the plan's cutover window (409); the refusal names the next opening. */
    OUTSIDE_WINDOW,
    /** A cutover inside one of the plan's change freezes (409); the refusal names the freeze and its reason. */
    CHANGE_FREEZE,
    /** A shadow, canary hold or stabilization period has not run its time yet (409); the refusal says when it has. */
    HOLD_NOT_OVER,
    /** The plan change would rewrite history (409). */
    PLAN_CONFLICT,
    /** Another command changed the migration first (409). */
    CONCURRENT_CHANGE,
    /** No such migration (404). */
    UNKNOWN_MIGRATION,
    /** No such wave in the migration (404). */
    UNKNOWN_WAVE,
    /** No wave of the migration's plan names that routing switch (404). */
    UNKNOWN_SWITCH,
    /** The actor does not hold the role the command needs (403). */
    FORBIDDEN,
    /** The command itself is malformed, e.g. a weight out of range (400). */
    INVALID_COMMAND,
    /** A migration id or wave name that no plan could have given it (400). */
    INVALID_ID,
    /** A reason or comment longer than the limit (422). */
    REASON_TOO_LONG,
    /** A reason or comment with control characters other than newline and tab (422). */
    INVALID_TEXT
}
