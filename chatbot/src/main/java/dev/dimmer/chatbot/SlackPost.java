package dev.dimmer.chatbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What an outbox message of topic {@code slack} holds: the plan's channel (for the thread's root) and the text. */
record SlackPost(String channel, String text) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static SlackPost of(String payload) {
        try {
            return JSON.readValue(payload, SlackPost.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Slack post: " + e.getOriginalMessage(), e);
        }
    }

    String payload() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Slack post did not turn into JSON: " + e.getOriginalMessage(), e);
        }
    }
}
