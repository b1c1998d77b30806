package dev.dimmer.chatbot;

import java.time.Duration;

/** A Slack Web API call that did not go through: rate limited (with Slack's Retry-After), refused or unreachable. */
final class SlackFailure extends Exception {
    private final transient Duration retryAfter;

    SlackFailure(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Slack's Retry-After for a 429, or null for any other failure. */
    Duration retryAfter() {
        return retryAfter;
    }
}
