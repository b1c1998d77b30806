package dev.dimmer.chatbot;

/** A message in Slack: the channel id and the message's timestamp (its id). */
record SlackThread(String channel, String ts) {
}
