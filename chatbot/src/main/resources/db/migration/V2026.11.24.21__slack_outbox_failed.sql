-- A row Slack refused for good (msg_too_long, channel_not_found, invalid_auth, ...) is marked failed with the
-- error instead of being retried, so the migration's later rows are posted.
ALTER TABLE slack_outbox ADD COLUMN failed_at timestamptz;
DROP INDEX slack_outbox_pending;
CREATE INDEX slack_outbox_pending ON slack_outbox (migration_id, position) WHERE posted_at IS NULL AND failed_at IS NULL;
