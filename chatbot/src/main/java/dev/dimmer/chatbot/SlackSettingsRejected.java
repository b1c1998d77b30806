package dev.dimmer.chatbot;

/** A Slack setting that cannot work (a token in the wrong variable, a token Slack refuses); one line, for a person. */
public final class SlackSettingsRejected extends RuntimeException {
    SlackSettingsRejected(String message) {
        super(message, null, false, false);
    }
}
