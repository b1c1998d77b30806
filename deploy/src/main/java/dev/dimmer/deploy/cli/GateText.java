package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** A gate checklist in lines people read: the step, open or closed, and ✓ or ✗ with each condition's detail. */
final class GateText {
    private GateText() {
    }

    static String of(JsonNode gate) {
        StringBuilder text = new StringBuilder();
        String transition = gate.path("transition").asText();
        text.append("wave ").append(gate.path("wave").asText()).append(" (").append(gate.path("phase").asText())
                .append("): next ").append(transition).append(" — ")
                .append(gate.path("open").asBoolean() ? "open" : "closed").append('\n');
        for (JsonNode condition : gate.path("conditions")) {
            text.append("  ").append(condition.path("met").asBoolean() ? "✓ " : "✗ ")
                    .append(condition.path("detail").asText()).append('\n');
        }
        if (gate.path("conditions").isEmpty()) {
            text.append("  (no conditions: nothing stands in the way)\n");
        }
        return text.toString();
    }
}
