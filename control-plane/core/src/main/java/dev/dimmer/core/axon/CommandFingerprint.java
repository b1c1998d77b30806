package dev.dimmer.core.axon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.api.migration.MigrationCommand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a command asks for, as a hash: its type and fields, the reason included, but not when it arrived, who sent
 * it (keys are kept per actor anyway) or through which channel, so a retry of the same request has the same
 * fingerprint and a different request under a reused Idempotency-Key does not.
 */
public final class CommandFingerprint {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    private CommandFingerprint() {
    }

    public static String of(MigrationCommand command, Object expectedVersion) {
        ObjectNode fields = CANONICAL.valueToTree(command);
        if (fields.get("provenance") instanceof ObjectNode provenance) {
            provenance.remove(java.util.List.of("at", "actor", "channel"));
        }
        fields.put("@type", command.getClass().getName());
        fields.put("@expectedVersion", expectedVersion == null ? null : expectedVersion.toString());
        try {
            byte[] text = CANONICAL.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint " + command.getClass().getSimpleName(), e);
        }
    }
}
