package dev.dimmer.deploy.config;

import java.util.List;

/** The whole of {@code dimmer.yml}. */
public record ServerConfigFile(DatabaseEntry database, List<TokenEntry> tokens) {
    public ServerConfigFile {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    public static ServerConfigFile empty() {
        return new ServerConfigFile(null, List.of());
    }
}
