-- The audit ledger: one leaf per event, written in the append's transaction, and signed checkpoints of the
-- RFC 9162 tree over the leaves. docs/audit.md describes the canonical form and the threat model.

CREATE TABLE audit_leaf (
    leaf_index           BIGINT PRIMARY KEY,
    global_index         BIGINT NOT NULL UNIQUE,
    event_identifier     TEXT   NOT NULL UNIQUE,
    aggregate_identifier TEXT   NOT NULL,
    leaf_hash            BYTEA  NOT NULL
);
CREATE INDEX audit_leaf_aggregate ON audit_leaf (aggregate_identifier);

CREATE TABLE audit_checkpoint (
    tree_size   BIGINT PRIMARY KEY,
    root_hash   BYTEA       NOT NULL,
    signed_note TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Defence in depth only: a superuser can disable or drop these; the signatures are the proof.
CREATE FUNCTION audit_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;

CREATE TRIGGER audit_leaf_append_only BEFORE UPDATE OR DELETE ON audit_leaf
    FOR EACH ROW EXECUTE FUNCTION audit_ledger_append_only();
CREATE TRIGGER audit_leaf_no_truncate BEFORE TRUNCATE ON audit_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION audit_ledger_append_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_ledger_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_ledger_append_only();
