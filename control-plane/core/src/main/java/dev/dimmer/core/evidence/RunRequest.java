package dev.dimmer.core.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The runner's queued work: which migration, wave and run. The rest is read from the migration when it runs. */
record RunRequest(String migrationId, String wave, String runId) {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static RunRequest of(String json) {
        try {
            return JSON.readValue(json, RunRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable validation run request: " + e.getOriginalMessage());
        }
    }
}
