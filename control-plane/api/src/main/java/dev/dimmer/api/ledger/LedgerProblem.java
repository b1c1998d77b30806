package dev.dimmer.api.ledger;

/**
 * One thing a verifier found wrong. {@code position} is the event's global index (as the audit trail shows it),
 * {@code leaf} the leaf index; either is -1 where it has none.
 * Kinds: edited, inserted, deleted, reordered, truncated (events and leaves); signature, root (checkpoints).
 */
public record LedgerProblem(long position, long leaf, String kind, String detail) {
}
