package dev.dimmer.chatbot;

/**
 * Text the bot builds from strings it did not write (reasons, names, comments, plan titles, wave names): escaped
 * as Slack documents for mrkdwn ({@code &amp; &lt; &gt;}), so nobody's text can mention {@code <!channel>} or
 * link as the bot, and cut to fit Slack's limits. plain_text fields need {@link #clip} only.
 */
final class SlackText {
    /** Slack's limit for a section's text and a context element; also what the bot keeps a message's text under. */
    static final int BLOCK_TEXT = 3000;
    /** The longest piece of free text (a reason, a comment) the bot quotes. */
    static final int QUOTE = 500;
    private static final String ELLIPSIS = "…";

    private SlackText() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Someone's free text, cut to {@link #QUOTE} characters and escaped. */
    static String quote(String text) {
        return escape(clip(text, QUOTE));
    }

    /**
     * At most {@code max} characters, ending in an ellipsis when cut. Never cuts inside a surrogate pair or an
     * entity of {@link #escape}, so it is safe on escaped text too.
     */
    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - ELLIPSIS.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int amp = text.lastIndexOf('&', end - 1);
        if (amp >= 0 && end - amp < 5 && text.indexOf(';', amp) >= end) {
            end = amp;
        }
        return text.substring(0, end) + ELLIPSIS;
    }
}
