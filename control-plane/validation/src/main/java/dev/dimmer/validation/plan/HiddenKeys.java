package dev.dimmer.validation.plan;

import dev.dimmer.validation.JdbcValueText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a result names a row: by its key as JSON values, or, for data whose keys must not leave the database
 * ({@code hash_keys: true}), by the first 16 hex digits of the SHA-256 of the key's canonical text, which the
 * owner can recompute from a key they hold but nobody can read back.
 */
final class HiddenKeys {
    private final boolean hashed;

    HiddenKeys(boolean hashed) {
        this.hashed = hashed;
    }

    Object name(Map<String, Object> key) {
        if (!hashed) {
            Map<String, Object> json = new LinkedHashMap<>();
            key.forEach((column, value) -> json.put(column, jsonValue(value)));
            return json;
        }
        return hash(key);
    }

    /** Column=value pairs joined by a unit separator, each value in its canonical text; SHA-256, 16 hex digits. */
    static String hash(Map<String, Object> key) {
        StringBuilder text = new StringBuilder();
        key.forEach((column, value) -> text.append(text.length() == 0 ? "" : "\u001f").append(column).append('=')
                .append(value == null ? "\u2400" : JdbcValueText.of(value)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Object jsonValue(Object value) {
        if (value == null || value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return JdbcValueText.of(value);
    }
}
