-- Read side. Every row remembers the global position of the last event it took in, so a replayed event
-- changes nothing (idempotent handlers).

CREATE TABLE status_migration (
    id         TEXT        NOT NULL PRIMARY KEY,
    title      TEXT        NOT NULL,
    state      TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by TEXT,
    position   BIGINT      NOT NULL,
    version    BIGINT      NOT NULL
);

CREATE TABLE status_wave (
    migration_id TEXT        NOT NULL REFERENCES status_migration (id) ON DELETE CASCADE,
    name         TEXT        NOT NULL,
    ordinal      INTEGER     NOT NULL,
    phase        TEXT        NOT NULL,
    weight       INTEGER     NOT NULL,
    since        TIMESTAMPTZ NOT NULL,
    by_actor     TEXT,
    depends_on   TEXT        NOT NULL,
    canary_steps TEXT        NOT NULL,
    position     BIGINT      NOT NULL,
    PRIMARY KEY (migration_id, name)
);

CREATE TABLE audit_entry (
    position       BIGINT      NOT NULL PRIMARY KEY,
    event_id       TEXT        NOT NULL,
    time           TIMESTAMPTZ NOT NULL,
    migration_id   TEXT        NOT NULL,
    wave           TEXT,
    type           TEXT        NOT NULL,
    actor_id       TEXT,
    actor_name     TEXT,
    channel        TEXT,
    reason         TEXT,
    correlation_id TEXT,
    causation_id   TEXT,
    payload        JSON        NOT NULL
);

-- payload is json, not jsonb: stored as written (the event as the log serialized it) and cheaper to take in
CREATE INDEX audit_entry_by_migration ON audit_entry (migration_id, position);
