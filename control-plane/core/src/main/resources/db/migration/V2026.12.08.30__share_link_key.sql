-- The key that signs share links (HMAC-SHA256), made by the first node that signs or checks one and shared by all.
-- Deleting the row ends every share link at once: the next node to ask makes a new key.
CREATE TABLE share_link_key (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    secret BYTEA   NOT NULL
);
