package dev.dimmer.chatbot;

import java.time.Duration;

/**
 * A Web API call that did not go through. Transient (rate limited, with Slack's Retry-After; 5xx; unreachable): try
 * again later. Permanent (Slack answered with an error that the same call will get again): do not retry; the
 * advice says what a person must change.
 */
final class SlackFailure extends Exception {
    private final transient Duration retryAfter;
    private final String advice;

    SlackFailure(String message, Duration retryAfter) {
        this(message, retryAfter, null);
    }

    private SlackFailure(String message, Duration retryAfter, String advice) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
        this.advice = advice;
    }

    static SlackFailure permanent(String message, String advice) {
        return new SlackFailure(message, null, advice);
    }

    /** Slack's Retry-After for a 429, or null for any other failure. */
    Duration retryAfter() {
        return retryAfter;
    }

    boolean permanent() {
        return advice != null;
    }

    /** What to do about a permanent failure, or null for a transient one. */
    String advice() {
        return advice;
    }
}
