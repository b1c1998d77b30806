-- Browser sessions of the status pages: one row per sign-in, found by the SHA-256 of the cookie's value (the value
-- itself is never stored), with the actor it stands for and the token that every POST of the session must echo.
CREATE TABLE page_session (
    id_sha256  BYTEA       PRIMARY KEY,
    actor_id   TEXT        NOT NULL,
    actor_name TEXT        NOT NULL,
    roles      TEXT        NOT NULL,
    csrf       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX page_session_expires_at ON page_session (expires_at);
