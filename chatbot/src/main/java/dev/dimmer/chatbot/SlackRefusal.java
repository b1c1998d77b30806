package dev.dimmer.chatbot;

/** A command from Slack that was not carried out, with the one line the person sees. */
final class SlackRefusal extends RuntimeException {
    SlackRefusal(String message) {
        super(message, null, false, false);
    }

    /** The refusal as the sender sees it (ephemerally): escaped, as it may quote what they typed. */
    String shown() {
        return ":no_entry: " + SlackText.clip(SlackText.escape(getMessage()), SlackText.BLOCK_TEXT);
    }
}
