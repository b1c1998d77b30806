package dev.dimmer.deploy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.api.ledger.Leaf;

/**
 * The nine fields of an event's canonical leaf input as exports and inclusion proofs write them (docs/audit.md,
 * "Canonical form of a leaf"): the stored columns, texts as stored, the two bytea columns in canonical base64.
 */
final class LeafFields {
    private LeafFields() {
    }

    /** The leaf of {@code node}'s fields; {@code prefix} names them in messages ("" or "event."). */
    static Leaf read(JsonNode node, String prefix) {
        JsonNode sequence = node.path("sequence_number");
        if (!sequence.isIntegralNumber() || sequence.asLong() < 0) {
            throw new Hashes.BadField(prefix + "sequence_number is not a non-negative whole number");
        }
        return new Leaf(text(node, "event_identifier"), text(node, "aggregate_identifier"), sequence.asLong(),
                text(node, "type"), text(node, "payload_type"), text(node, "payload_revision"),
                text(node, "time_stamp"), Hashes.bytes(node, "payload_base64", prefix + "payload_base64"),
                Hashes.bytes(node, "meta_data_base64", prefix + "meta_data_base64"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }
}
