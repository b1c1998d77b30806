package dev.dimmer.projections.switches;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.migration.Phase;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pre-encoded answers say exactly what the evaluation rule says, for every kind of switch. */
class EncodedSwitchesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private static WaveSwitch wave(String key, Phase phase, int weight, boolean killed) {
        return new WaveSwitch("crm", key + "-wave", key, phase, weight, killed, false, 1, 5, AT);
    }

    private static final ServedSwitches SERVED = new ServedSwitches(Map.of(
            "a-split", wave("a-split", Phase.CANARY, 30, false),
            "b-static", wave("b-static", Phase.SHADOW, 0, false),
            "c-target", wave("c-target", Phase.CUTOVER, 100, false),
            "d-killed", wave("d-killed", Phase.CANARY, 30, true)), 5, 8);

    @Test
    void shouldEncodeWhatTheRuleAnswersForEveryKey() throws Exception {
        EncodedSwitches encoded = EncodedSwitches.of(SERVED);
        for (String key : SERVED.byKey().keySet()) {
            for (int i = 0; i < 200; i++) {
                String reader = "reader-" + i;
                assertThat(JSON.readTree(encoded.answer(key, reader)))
                        .isEqualTo(JSON.readTree(JSON.writeValueAsString(Evaluating.one(SERVED, key, reader))));
            }
        }
    }

    @Test
    void shouldLeaveErrorsToTheRule() {
        EncodedSwitches encoded = EncodedSwitches.of(SERVED);

        assertThat(encoded.answer("nope", "reader-1")).isNull();
        assertThat(encoded.answer("a-split", null)).isNull();
        assertThat(encoded.answer("b-static", null)).isNotNull();
    }

    @Test
    void shouldListEveryFlagInKeyOrderInTheBulkAnswer() throws Exception {
        JsonNode bulk = JSON.readTree(EncodedSwitches.of(SERVED).bulk(null, "http://h/ofrep/v1/events"));

        assertThat(bulk.path("flags").findValuesAsText("key"))
                .containsExactly("a-split", "b-static", "c-target", "d-killed");
        assertThat(bulk.path("flags").get(0).path("errorCode").asText()).isEqualTo("TARGETING_KEY_MISSING");
        assertThat(bulk.path("flags").get(3).path("reason").asText()).isEqualTo("DISABLED");
        assertThat(bulk.path("metadata").path("version").asLong()).isEqualTo(5);
        assertThat(bulk.path("refreshConnections").get(0).path("url").asText()).isEqualTo("http://h/ofrep/v1/events");
    }
}
