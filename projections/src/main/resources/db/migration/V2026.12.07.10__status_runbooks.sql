-- A wave's latest runbook (rollback or cutover) and its steps, for dimmer status and the status page. Like every
-- view row, each remembers the position of the last event it took in.
CREATE TABLE status_runbook (
    migration_id TEXT    NOT NULL REFERENCES status_migration (id) ON DELETE CASCADE,
    wave         TEXT    NOT NULL,
    purpose      TEXT    NOT NULL,
    run          INTEGER NOT NULL,
    state        TEXT    NOT NULL,
    total_millis BIGINT,
    position     BIGINT  NOT NULL,
    PRIMARY KEY (migration_id, wave)
);

CREATE TABLE status_runbook_step (
    migration_id    TEXT    NOT NULL REFERENCES status_migration (id) ON DELETE CASCADE,
    wave            TEXT    NOT NULL,
    step            INTEGER NOT NULL,
    kind            TEXT    NOT NULL,
    description     TEXT,
    state           TEXT    NOT NULL,
    duration_millis BIGINT,
    detail          TEXT,
    position        BIGINT  NOT NULL,
    PRIMARY KEY (migration_id, wave, step)
);
