package dev.dimmer.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PhaseWords;

/** One-line descriptions of API answers for people. */
final class Describe {
    private Describe() {
    }

    static String wave(JsonNode state) {
        return "wave " + state.path("wave").asText() + " of " + state.path("migration_id").asText() + " is now "
                + phase(state.path("phase").asText(), state.path("weight").asInt());
    }

    /** An ISO instant as a person reads it: to the second, in UTC. */
    static String time(String iso) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    static String phase(String phase, int weight) {
        try {
            return PhaseWords.reads(Phase.valueOf(phase), weight);
        } catch (IllegalArgumentException unknown) {
            // a server newer than this CLI may name a phase it does not know
            return phase;
        }
    }
}
