-- Slack posts move into the generic outbox (topic 'slack', keyed by migration, ordered by the event's position);
-- rows not yet posted stay deliverable, posted and failed ones keep their history. slack_outbox had no queue time:
-- the earliest time a row shows stands in for it.
INSERT INTO outbox_message (topic, message_key, position, payload, attempts, next_attempt_at, delivered_at, receipt,
                            failed_at, last_error, created_at)
SELECT 'slack', migration_id, position, json_build_object('channel', channel, 'text', text)::text, attempts,
       next_attempt_at, posted_at, message_ts, failed_at, last_error,
       LEAST(next_attempt_at, coalesce(posted_at, next_attempt_at), coalesce(failed_at, next_attempt_at))
  FROM slack_outbox
ON CONFLICT ON CONSTRAINT outbox_message_once DO NOTHING;

DROP TABLE slack_outbox;
