package dev.dimmer.deploy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.api.ledger.CanonicalBase64;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Hashes and bytes as exports and proofs write them: standard base64 with padding, canonical (RFC 4648 §3.5), so
 * that one byte string has one text and a changed character is never the same evidence.
 */
final class Hashes {
    private Hashes() {
    }

    /** The bytes of a base64 field; null for JSON null; a {@link BadField} naming the field when not canonical. */
    static byte[] bytes(JsonNode node, String field) {
        return bytes(node, field, field);
    }

    /** As {@link #bytes(JsonNode, String)}, naming the field {@code name} (e.g. "event.payload_base64"). */
    static byte[] bytes(JsonNode node, String field, String name) {
        JsonNode value = node.path(field);
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadField(name + " is not a base64 string");
        }
        try {
            return CanonicalBase64.decode(value.asText(), name);
        } catch (IllegalArgumentException e) {
            throw new BadField(e.getMessage());
        }
    }

    static List<byte[]> path(JsonNode array) {
        return path(array, "path");
    }

    /** The hashes of an audit or consistency path; {@code name} is the field's name in the messages. */
    static List<byte[]> path(JsonNode array, String name) {
        if (!array.isArray()) {
            throw new BadField(name + " is not a list of hashes");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode h = array.get(i);
            String at = name + "[" + i + "]";
            if (!h.isTextual()) {
                throw new BadField(at + " is not a base64 string");
            }
            try {
                hashes.add(CanonicalBase64.decode(h.asText(), at));
            } catch (IllegalArgumentException e) {
                throw new BadField(e.getMessage());
            }
        }
        return hashes;
    }

    static String text(byte[] bytes) {
        return bytes == null ? "null" : Base64.getEncoder().encodeToString(bytes);
    }

    /** A field whose value cannot be what the format says; the line is reported, the check goes on. */
    static final class BadField extends RuntimeException {
        BadField(String message) {
            super(message);
        }
    }
}
