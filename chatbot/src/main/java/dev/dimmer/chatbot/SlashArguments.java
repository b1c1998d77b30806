package dev.dimmer.chatbot;

import java.util.List;

/**
 * The words after a slash command: the first {@code positional} words and the rest as free text (the reason).
 */
record SlashArguments(List<String> words, String rest) {
    static SlashArguments parse(String text, int positional) {
        String remaining = text == null ? "" : text.strip();
        List<String> words = new java.util.ArrayList<>();
        while (words.size() < positional && !remaining.isEmpty()) {
            String[] split = remaining.split("\\s+", 2);
            words.add(split[0]);
            remaining = split.length > 1 ? split[1].strip() : "";
        }
        return new SlashArguments(List.copyOf(words), remaining);
    }

    boolean has(int count) {
        return words.size() >= count;
    }

    String word(int index) {
        return words.get(index);
    }
}
