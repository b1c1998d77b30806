package dev.dimmer.deploy.config;

import java.util.List;

/** The whole of {@code dimmer.yml}. */
public record ServerConfigFile(DatabaseEntry database, List<TokenEntry> tokens, List<SlackUserEntry> slackUsers) {
    public ServerConfigFile {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        slackUsers = slackUsers == null ? List.of() : List.copyOf(slackUsers);
    }

    public static ServerConfigFile empty() {
        return new ServerConfigFile(null, List.of(), List.of());
    }
}
