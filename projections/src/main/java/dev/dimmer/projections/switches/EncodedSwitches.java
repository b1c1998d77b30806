package dev.dimmer.projections.switches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The served switches' OFREP answers, encoded as JSON once per change of the board: a switch has at most two
 * answers (its source one and, in CANARY, its target one), so an evaluation hashes the key and picks bytes. The
 * answers are {@link Evaluating}'s, byte for byte.
 */
public final class EncodedSwitches {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ServedSwitches served;
    private final Map<String, byte[]> source = new HashMap<>();
    private final Map<String, byte[]> target = new HashMap<>();

    private EncodedSwitches(ServedSwitches served) {
        this.served = served;
        served.byKey().forEach((key, wave) -> {
            OfrepAnswer fixed = Evaluating.one(served, key, null);
            if (wave.fixedValue() != null) {
                source.put(key, encode(fixed));
                return;
            }
            source.put(key, encode(Evaluating.split(key, wave, SwitchValue.SOURCE)));
            target.put(key, encode(Evaluating.split(key, wave, SwitchValue.TARGET)));
        });
    }

    public static EncodedSwitches of(ServedSwitches served) {
        return new EncodedSwitches(served);
    }

    public ServedSwitches served() {
        return served;
    }

    /** The answer's JSON, or null when the answer is an error (unknown switch, CANARY without a key). */
    public byte[] answer(String key, String targetingKey) {
        if (target.containsKey(key)) {
            if (targetingKey == null || targetingKey.isEmpty()) {
                return null;
            }
            WaveSwitch wave = served.byKey().get(key);
            return Bucketing.onTarget(key, targetingKey, wave.weight()) ? target.get(key) : source.get(key);
        }
        return source.get(key);
    }

    /** The bulk answer: every switch's answer (errors included), the board's version and the change stream. */
    public byte[] bulk(String targetingKey, String eventsUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 256 * served.byKey().size());
        out.writeBytes("{\"flags\":[".getBytes(StandardCharsets.UTF_8));
        boolean first = true;
        for (String key : served.byKey().keySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            byte[] answer = answer(key, targetingKey);
            out.writeBytes(answer != null ? answer : encode(Evaluating.one(served, key, targetingKey)));
        }
        out.writeBytes(("],\"metadata\":{\"version\":" + served.version() + ",\"logPosition\":"
                + served.logPosition() + "},\"refreshConnections\":[").getBytes(StandardCharsets.UTF_8));
        // OFREP ADR-0008: where a static-context provider hears that it should fetch the bulk answer again
        out.writeBytes(encode(Map.of("type", "sse", "url", eventsUrl, "inactivityDelaySec", 120)));
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] encode(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an OFREP answer could not be written as JSON: " + e.getMessage(), e);
        }
    }
}
