package dev.dimmer.projections.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Proofs an auditor can check offline: an event's inclusion in the newest checkpoint, and the consistency of two
 * checkpoints (the later tree extends the earlier one). Each proof carries the signed checkpoints it refers to.
 */
@Singleton
public class LedgerProofs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LedgerRows rows;
    private final Optional<CheckpointOnDemand> signing;

    public LedgerProofs(LedgerRows rows, Optional<CheckpointOnDemand> signing) {
        this.rows = rows;
        this.signing = signing;
    }

    /** Empty when the event is unknown; a refusal (IllegalStateException) when no checkpoint covers it yet. */
    public Optional<ObjectNode> inclusion(String eventIdentifier) {
        Optional<StoredEvent> found = rows.event(eventIdentifier);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredEvent stored = found.get();
        if (stored.leafIndex() == null || rows.newestCheckpoint().filter(c -> c.treeSize() > stored.leafIndex())
                .isEmpty()) {
            // a leaf still waiting for its index gets it, and a checkpoint covers it
            signing.ifPresent(CheckpointOnDemand::signNow);
        }
        StoredEvent event = stored.leafIndex() == null ? rows.event(eventIdentifier).orElse(stored) : stored;
        if (event.leafIndex() == null) {
            throw new IllegalStateException("event " + eventIdentifier + " has no ledger leaf yet");
        }
        StoredCheckpoint checkpoint = rows.newestCheckpoint().filter(c -> c.treeSize() > event.leafIndex())
                .orElseThrow(() -> new IllegalStateException("no signed checkpoint covers leaf " + event.leafIndex()
                        + " of event " + eventIdentifier + " yet; try again after the next checkpoint"));
        LedgerTree tree = rows.tree(checkpoint.treeSize());
        return Optional.of(inclusion(event, checkpoint, tree.inclusion(event.leafIndex(), checkpoint.treeSize())));
    }

    /** The inclusion proof document of an event with a leaf, its audit path and the checkpoint it leads to. */
    public static ObjectNode inclusion(StoredEvent event, StoredCheckpoint checkpoint, java.util.List<byte[]> path) {
        ObjectNode proof = JSON.createObjectNode().put("kind", "inclusion")
                .put("event_identifier", event.eventIdentifier()).put("position", event.globalIndex())
                .put("leaf_index", event.leafIndex()).put("tree_size", checkpoint.treeSize())
                .put("leaf_hash", JsonLinesExport.base64(event.leafHash()));
        proof.set("path", JsonLinesExport.path(checkpoint.treeSize(), path).get("path"));
        proof.set("checkpoint", JsonLinesExport.checkpoint(checkpoint));
        // binds the proof to the event: a verifier recomputes leaf_hash from these; position stays outside the leaf
        proof.set("event", JsonLinesExport.leafInput(JSON.createObjectNode(), event));
        return proof;
    }

    /** Empty when either checkpoint is not stored. */
    public Optional<ObjectNode> consistency(long from, long to) {
        if (from < 1 || from > to) {
            throw new IllegalArgumentException("from must be at least 1 and at most to; got from=" + from
                    + " to=" + to);
        }
        Optional<StoredCheckpoint> first = rows.checkpoint(from);
        Optional<StoredCheckpoint> second = rows.checkpoint(to);
        if (first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode proof = JSON.createObjectNode().put("kind", "consistency").put("from_size", from)
                .put("to_size", to);
        var path = proof.putArray("path");
        rows.tree(to).consistency(from, to).forEach(h -> path.add(JsonLinesExport.base64(h)));
        proof.set("from", JsonLinesExport.checkpoint(first.get()));
        proof.set("to", JsonLinesExport.checkpoint(second.get()));
        return Optional.of(proof);
    }
}
