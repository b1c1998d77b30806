package dev.dimmer.api.ledger;

import java.util.Base64;

/**
 * Standard base64 with padding (RFC 4648 §4), read strictly: one text for one byte string. The unused bits of the
 * last character must be zero (§3.5) and the padding must be there, so a text that decodes to the same bytes as
 * another but differs from it is refused instead of passing as the same evidence.
 */
public final class CanonicalBase64 {
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final Base64.Encoder ENCODER = Base64.getEncoder();

    private CanonicalBase64() {
    }

    /** The bytes of {@code text}; an IllegalArgumentException naming {@code field} when it is not canonical. */
    public static byte[] decode(String text, String field) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not base64: " + e.getMessage());
        }
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException(field + " is not canonical base64 (RFC 4648 §3.5: padding required "
                    + "and the unused bits of the last character must be zero); it decodes to the same bytes as "
                    + abbreviated(ENCODER.encodeToString(bytes)));
        }
        return bytes;
    }

    private static String abbreviated(String canonical) {
        return canonical.length() <= 48 ? canonical : "…" + canonical.substring(canonical.length() - 24);
    }
}
