package dev.dimmer.chatbot;

/** A command from Slack that was not carried out, with the one line the person sees. */
final class SlackRefusal extends RuntimeException {
    SlackRefusal(String message) {
        super(message, null, false, false);
    }
}
