-- The outbox: messages for the world outside (Slack posts, webhooks, switch pushes), written in the same transaction
-- as the processor's token, so each event queues its message exactly once. A topic names the receiver ('slack');
-- the key orders its messages (a migration's thread): a key's rows go out one at a time, lowest position first,
-- and a failed row stops blocking. Delivered rows keep what the receiver answered (receipt).
CREATE TABLE outbox_message (
    id              bigserial    PRIMARY KEY,
    topic           varchar(64)  NOT NULL,
    message_key     varchar(255) NOT NULL,
    position        bigint       NOT NULL,
    payload         text         NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    delivered_at    timestamptz,
    receipt         text,
    failed_at       timestamptz,
    last_error      text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    -- a replayed event finds its message queued already
    CONSTRAINT outbox_message_once UNIQUE (topic, message_key, position)
);
CREATE INDEX outbox_message_pending ON outbox_message (topic, message_key, position)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
