package dev.dimmer.deploy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.api.ledger.Checkpoint;
import dev.dimmer.api.ledger.Proofs;
import java.util.Base64;
import java.util.List;

/**
 * Between a proof's JSON form (GET /api/audit/proof, /consistency) and its compact binary form ("dimmer-proof/1",
 * {@link Proofs}): the same fields, so either checks the same way offline.
 */
public final class BinaryProofs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BinaryProofs() {
    }

    public static byte[] toBinary(JsonNode proof) {
        try {
            return switch (proof.path("kind").asText()) {
                case "inclusion" -> Proofs.inclusion(proof.path("event_identifier").asText(),
                        proof.path("position").asLong(), proof.path("leaf_index").asLong(),
                        proof.path("tree_size").asLong(), Hashes.bytes(proof, "leaf_hash"),
                        Hashes.path(proof.path("path")), note(proof.path("checkpoint")));
                case "consistency" -> Proofs.consistency(proof.path("from_size").asLong(),
                        proof.path("to_size").asLong(), Hashes.path(proof.path("path")), note(proof.path("from")),
                        note(proof.path("to")));
                default -> throw new UnreadableEvidence("not a Dimmer proof: kind must be \"inclusion\" or "
                        + "\"consistency\", got '" + proof.path("kind").asText() + "'");
            };
        } catch (Hashes.BadField | IllegalArgumentException e) {
            throw new UnreadableEvidence("the proof cannot be written in binary: " + e.getMessage());
        }
    }

    /** The JSON form of a binary proof; UnreadableEvidence when the bytes are not one. */
    public static JsonNode toJson(byte[] binary) {
        Proofs.Proof proof;
        try {
            proof = Proofs.read(binary);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvidence("not a readable binary proof: " + e.getMessage());
        }
        ObjectNode json = JSON.createObjectNode();
        if (proof instanceof Proofs.Inclusion in) {
            json.put("kind", "inclusion").put("event_identifier", in.eventIdentifier()).put("position", in.position())
                    .put("leaf_index", in.leafIndex()).put("tree_size", in.treeSize())
                    .put("leaf_hash", base64(in.leafHash()));
            path(json, in.path());
            json.set("checkpoint", checkpoint(in.signedNote()));
        } else if (proof instanceof Proofs.Consistency c) {
            json.put("kind", "consistency").put("from_size", c.fromSize()).put("to_size", c.toSize());
            path(json, c.path());
            json.set("from", checkpoint(c.fromNote()));
            json.set("to", checkpoint(c.toNote()));
        }
        return json;
    }

    private static String note(JsonNode checkpoint) {
        if (!checkpoint.path("signed_note").isTextual()) {
            throw new UnreadableEvidence("the proof's checkpoint has no signed_note");
        }
        return checkpoint.path("signed_note").asText();
    }

    private static ObjectNode checkpoint(String note) {
        ObjectNode checkpoint = JSON.createObjectNode().put("kind", "checkpoint");
        try {
            Checkpoint parsed = Checkpoint.parse(note);
            checkpoint.put("tree_size", parsed.treeSize()).put("root_hash", base64(parsed.rootHash()));
        } catch (IllegalArgumentException e) {
            // the signature check names what is wrong with the note
        }
        return checkpoint.put("signed_note", note);
    }

    private static void path(ObjectNode json, List<byte[]> path) {
        var array = json.putArray("path");
        path.forEach(h -> array.add(base64(h)));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
