-- Leaves waiting for their index. Each append writes its events' leaf hashes here in its own transaction, with no
-- lock, so concurrent commands commit side by side; a sequencer under an advisory lock moves the committed rows to
-- audit_leaf with contiguous indices (docs/audit.md, "What is stored"). Rows leave this table when they get a leaf.
CREATE TABLE audit_pending (
    event_identifier     TEXT   PRIMARY KEY,
    global_index         BIGINT NOT NULL,
    aggregate_identifier TEXT   NOT NULL,
    leaf_hash            BYTEA  NOT NULL
);
