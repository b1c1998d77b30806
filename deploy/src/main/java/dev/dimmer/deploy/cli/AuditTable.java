package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** The audit trail as a table for people. */
final class AuditTable {
    private AuditTable() {
    }

    static TextTable of(Iterable<JsonNode> entries) {
        TextTable table = new TextTable(">POS", "TIME", "WAVE", "EVENT", "ACTOR", "CHANNEL", "REASON");
        for (JsonNode e : entries) {
            table.row(e.path("position").asLong(), Describe.time(e.path("time").asText()), e.path("wave").asText(""),
                    e.path("type").asText().replace("Event", ""), e.path("actor_name").asText(""),
                    e.path("channel").asText(""), e.path("reason").asText(""));
        }
        return table;
    }
}
