package dev.dimmer.api.audit;

/**
 * The metadata keys every event of a migration carries: who caused it, through what and why, and Axon's
 * correlation (the conversation) and causation (the message that caused it) ids. When is the event's own {@code at}.
 * Consumers read them through {@link EventProvenance}.
 */
public final class AuditMetadata {
    public static final String ACTOR_ID = "actor_id";
    public static final String ACTOR_NAME = "actor_name";
    public static final String ACTOR_ROLES = "actor_roles";
    public static final String CHANNEL = "channel";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CAUSATION_ID = "causation_id";
    /**
     * The event's global index in the log, put on each event as it is read (never stored with it): the position
     * every view and the outbox key their rows by. See {@link LogPosition}.
     */
    public static final String POSITION = "dimmer_position";
    /** The caller's Idempotency-Key: a retry with the same key answers with the first outcome instead of acting. */
    public static final String IDEMPOTENCY_KEY = "idempotency_key";
    /** The migration version the caller saw (If-Match); the command is refused if the migration moved on since. */
    public static final String EXPECTED_VERSION = "expected_version";

    /** The keys copied from a command onto the events it causes. */
    // the time is the event's own `at`, kept once; events stored before 2026-12 also carry it as requested_at
    public static final String[] PROVENANCE_KEYS = {ACTOR_ID, ACTOR_NAME, ACTOR_ROLES, CHANNEL, REASON,
            IDEMPOTENCY_KEY};

    private AuditMetadata() {
    }
}
