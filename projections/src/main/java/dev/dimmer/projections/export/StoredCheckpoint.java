package dev.dimmer.projections.export;

import java.time.Instant;

/** One signed checkpoint of the ledger as the notary stored it. */
public record StoredCheckpoint(long treeSize, byte[] rootHash, String signedNote, Instant createdAt) {
}
