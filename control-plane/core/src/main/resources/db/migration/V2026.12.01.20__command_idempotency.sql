-- The first outcome of each command sent with an Idempotency-Key, per actor, so that a retry with the same key
-- answers with it instead of acting twice. A stored outcome is written in the same transaction as the command's
-- events (both commit or neither does); a refusal is written after it, on its own. Rows older than the retention
-- (dimmer.api.idempotency-retention, 24 h by default) are deleted and their keys may be used again.
CREATE TABLE command_idempotency (
    actor_id        TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    fingerprint     TEXT        NOT NULL,
    command_type    TEXT        NOT NULL,
    migration_id    TEXT        NOT NULL,
    outcome         TEXT        NOT NULL CHECK (outcome IN ('stored', 'refused')),
    status          INTEGER,
    body            TEXT,
    correlation_id  TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (actor_id, idempotency_key)
);

CREATE INDEX command_idempotency_recorded_at ON command_idempotency (recorded_at);
