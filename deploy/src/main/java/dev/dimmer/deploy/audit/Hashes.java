package dev.dimmer.deploy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Hashes and bytes as exports and proofs write them: standard base64 with padding. */
final class Hashes {
    private Hashes() {
    }

    /** The bytes of a base64 field; null for JSON null; a {@link BadField} when it is not base64. */
    static byte[] bytes(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value.asText());
        } catch (IllegalArgumentException e) {
            throw new BadField(field + " is not base64");
        }
    }

    static List<byte[]> path(JsonNode array) {
        if (!array.isArray()) {
            throw new BadField("path is not a list of hashes");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode h : array) {
            try {
                hashes.add(Base64.getDecoder().decode(h.asText()));
            } catch (IllegalArgumentException e) {
                throw new BadField("path holds a hash that is not base64: " + h.asText());
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
