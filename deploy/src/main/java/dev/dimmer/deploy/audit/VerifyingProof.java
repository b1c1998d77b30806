package dev.dimmer.deploy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.api.ledger.Checkpoint;
import dev.dimmer.api.ledger.MerkleTree;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a proof from {@code dimmer audit prove} (an event's inclusion in a signed checkpoint) or from
 * {@code GET /api/audit/consistency} (a later signed tree extends an earlier one) with only the public key.
 */
public final class VerifyingProof {
    private VerifyingProof() {
    }

    public static Verdict check(JsonNode proof, PublicKey key) {
        return switch (proof.path("kind").asText()) {
            case "inclusion" -> inclusion(proof, key);
            case "consistency" -> consistency(proof, key);
            default -> throw new UnreadableEvidence("not a Dimmer proof: kind must be \"inclusion\" or "
                    + "\"consistency\", got '" + proof.path("kind").asText() + "'");
        };
    }

    private static Verdict inclusion(JsonNode proof, PublicKey key) {
        List<Verdict.Problem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long position = proof.path("position").asLong(-1);
        event(proof, position, problems, notes);
        Checkpoint signed = signed(proof.path("checkpoint"), "checkpoint", position, key, problems);
        if (signed != null) {
            try {
                long size = proof.path("tree_size").asLong(-1);
                long index = proof.path("leaf_index").asLong(-1);
                if (size != signed.treeSize()) {
                    problems.add(new Verdict.Problem(position, "checkpoint-mismatch", "tree_size " + size
                            + " is not the signed checkpoint's size " + signed.treeSize()));
                } else if (index < 0 || index >= size) {
                    problems.add(new Verdict.Problem(position, "inclusion", "leaf_index " + index + " is not below "
                            + "the tree size " + size));
                } else if (!MerkleTree.verifyInclusion(Hashes.bytes(proof, "leaf_hash"), index, size,
                        Hashes.path(proof.path("path")), signed.rootHash())) {
                    problems.add(new Verdict.Problem(position, "inclusion", "leaf " + index + " with hash "
                            + proof.path("leaf_hash").asText() + " is not in the signed tree of size " + size
                            + " (its audit path does not lead to the signed root)"));
                }
            } catch (Hashes.BadField | IllegalArgumentException e) {
                problems.add(new Verdict.Problem(position, "malformed", e.getMessage()));
            }
        }
        return new Verdict(1, 1, problems, notes);
    }

    /**
     * Binds the proof to its event: the leaf hash must be the hash of the event's nine fields. A proof without them
     * (the binary form, or one written before they were added) proves its leaf hash only, and says so.
     */
    private static void event(JsonNode proof, long position, List<Verdict.Problem> problems, List<String> notes) {
        JsonNode event = proof.path("event");
        if (!event.isObject()) {
            notes.add("the event is not bound: this proof carries no event fields, so it proves that leaf hash "
                    + proof.path("leaf_hash").asText() + " is in the signed tree, not which event that is; "
                    + "recompute the leaf hash from the event's row (docs/audit.md, \"Canonical form of a leaf\") "
                    + "or take the JSON proof from dimmer audit prove");
            return;
        }
        try {
            byte[] hash = LeafFields.read(event, "event.").hash();
            byte[] claimed = Hashes.bytes(proof, "leaf_hash");
            if (!java.util.Arrays.equals(hash, claimed)) {
                problems.add(new Verdict.Problem(position, "event-hash", "the proof's event does not hash to its "
                        + "leaf: its nine fields hash to " + Hashes.text(hash) + ", the proof's leaf_hash is "
                        + Hashes.text(claimed)));
            }
            String id = event.path("event_identifier").asText();
            if (!proof.path("event_identifier").asText().equals(id)) {
                problems.add(new Verdict.Problem(position, "event-hash", "event_identifier '"
                        + proof.path("event_identifier").asText() + "' is not the hashed event's '" + id + "'"));
            }
            notes.add("position " + position + " is the event's global index as the server reported it; it is not "
                    + "part of the leaf hash, so the signature does not vouch for it");
        } catch (Hashes.BadField e) {
            problems.add(new Verdict.Problem(position, "malformed", e.getMessage()));
        }
    }

    private static Verdict consistency(JsonNode proof, PublicKey key) {
        List<Verdict.Problem> problems = new ArrayList<>();
        Checkpoint first = signed(proof.path("from"), "from", null, key, problems);
        Checkpoint second = signed(proof.path("to"), "to", null, key, problems);
        if (first != null && second != null) {
            try {
                if (!MerkleTree.verifyConsistency(first.treeSize(), second.treeSize(), first.rootHash(),
                        second.rootHash(), Hashes.path(proof.path("path")))) {
                    problems.add(new Verdict.Problem(null, "consistency", "the signed tree of size "
                            + second.treeSize() + " does not extend the signed tree of size " + first.treeSize()
                            + " (the consistency path does not join their roots)"));
                }
            } catch (Hashes.BadField | IllegalArgumentException e) {
                problems.add(new Verdict.Problem(null, "malformed", e.getMessage()));
            }
        }
        return new Verdict(0, 2, problems);
    }

    private static Checkpoint signed(JsonNode checkpoint, String field, Long position, PublicKey key,
                                     List<Verdict.Problem> problems) {
        if (!checkpoint.path("signed_note").isTextual()) {
            throw new UnreadableEvidence(field + ": no signed_note");
        }
        try {
            return Checkpoint.verify(checkpoint.path("signed_note").asText(), key);
        } catch (RuntimeException e) {
            problems.add(new Verdict.Problem(position, "checkpoint-signature", field + ": " + e.getMessage()));
            return null;
        }
    }
}
