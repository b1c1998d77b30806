-- What the Slack bot knows of each migration: the plan's channel and owners (Slack user ids and roles), and the
-- thread whose root is the migration's live status card.
CREATE TABLE slack_migration (
    migration_id varchar(255) PRIMARY KEY,
    title        text,
    channel      varchar(255),
    owners       text         NOT NULL DEFAULT '[]',
    root_channel varchar(255),
    root_ts      varchar(64)
);

-- One row per event to post, keyed by the event's id: replays and restarts add nothing twice, and a row once
-- posted is never posted again. Rows are claimed with FOR UPDATE SKIP LOCKED, so several nodes share the work.
CREATE TABLE slack_outbox (
    event_id        varchar(255) PRIMARY KEY,
    position        bigint       NOT NULL,
    migration_id    varchar(255) NOT NULL,
    channel         varchar(255) NOT NULL,
    text            text         NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    posted_at       timestamptz,
    message_ts      varchar(64),
    last_error      text
);
CREATE INDEX slack_outbox_pending ON slack_outbox (migration_id, position) WHERE posted_at IS NULL;

-- Signatures of the Slack requests taken in, for the 5-minute window in which a replay would still verify.
CREATE TABLE slack_request_seen (
    signature varchar(128) PRIMARY KEY,
    seen_at   timestamptz  NOT NULL
);
