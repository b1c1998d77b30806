-- The validation report: every run of a wave's validations and every result, kept by the views' processor.
CREATE TABLE validation_run (
    run_id         TEXT        NOT NULL,
    migration_id   TEXT        NOT NULL,
    wave           TEXT        NOT NULL,
    validations    TEXT        NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL,
    requested_by   TEXT,
    channel        TEXT,
    completed_at   TIMESTAMPTZ,
    passed         INT,
    failed         INT,
    errored        INT,
    duration_ms    BIGINT,
    position       BIGINT      NOT NULL,
    PRIMARY KEY (migration_id, run_id)
);
CREATE INDEX validation_run_by_wave ON validation_run (migration_id, wave, requested_at DESC);

CREATE TABLE validation_result (
    migration_id   TEXT        NOT NULL,
    run_id         TEXT        NOT NULL,
    validation     TEXT        NOT NULL,
    wave           TEXT        NOT NULL,
    kind           TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    summary        TEXT        NOT NULL,
    figures        JSONB       NOT NULL,
    differences    JSONB       NOT NULL,
    duration_ms    BIGINT      NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    position       BIGINT      NOT NULL,
    PRIMARY KEY (migration_id, run_id, validation)
);
CREATE INDEX validation_result_latest ON validation_result (migration_id, validation, position DESC);

-- Which validations each wave has in the current plan, in plan order, so the report lists those never run too.
CREATE TABLE validation_plan (
    migration_id   TEXT   NOT NULL,
    wave           TEXT   NOT NULL,
    ordinal        BIGINT NOT NULL,
    validation     TEXT   NOT NULL,
    kind           TEXT   NOT NULL,
    PRIMARY KEY (migration_id, wave, validation)
);
