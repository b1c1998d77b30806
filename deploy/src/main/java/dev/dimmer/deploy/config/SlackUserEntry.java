package dev.dimmer.deploy.config;

import java.util.List;

/** One Slack user in {@code dimmer.yml}: the Slack user id, a display name, and the roles held everywhere. */
public record SlackUserEntry(String id, String name, List<String> roles) {
}
