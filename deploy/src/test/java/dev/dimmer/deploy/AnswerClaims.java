package dev.dimmer.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.deploy.CommandLoad.Kind;
import dev.dimmer.deploy.CommandLoad.Outcome;
import dev.dimmer.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stored command's answer said the wave became (its phase and weight) against what the command's own event
 * in the log says: an answer that reports a state the command did not produce is untrue even when the command is
 * stored once.
 */
final class AnswerClaims {
    private static final String WAVE_EVENTS = """
            SELECT correlation_id, type, payload FROM audit_entry
             WHERE channel = 'api' AND type IN ('WaveAdvancedEvent', 'CanaryWeightRaisedEvent', 'WaveRolledBackEvent')""";

    private AnswerClaims() {
    }

    static List<String> contradicted(TestDatabase database, List<Outcome> outcomes) {
        Map<String, String> logged = new HashMap<>();
        for (List<Object> row : Tables.rows(database, WAVE_EVENTS)) {
            JsonNode payload = CommandLoad.json((String) row.get(2));
            String state = switch ((String) row.get(1)) {
                case "WaveAdvancedEvent" -> payload.path("phase").asText() + " " + payload.path("weight").asInt();
                case "CanaryWeightRaisedEvent" -> "CANARY " + payload.path("weight").asInt();
                default -> "SHADOW 0";
            };
            logged.put((String) row.get(0), state);
        }
        List<String> untrue = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.kind() != Kind.ACKNOWLEDGED) {
                continue;
            }
            JsonNode answer = CommandLoad.json(outcome.body());
            String told = answer.path("phase").asText() + " " + answer.path("weight").asInt();
            String state = logged.get(outcome.correlationId());
            if (state != null && !state.equals(told)) {
                untrue.add(outcome.command() + " " + outcome.correlationId() + " on " + outcome.migration()
                        + " answered " + told + " but its event in the log says " + state);
            }
        }
        return untrue;
    }
}
