package dev.dimmer.deploy.config;

import dev.dimmer.core.auth.TokenGrant;
import dev.dimmer.api.actor.Actor;
import java.util.List;

/**
 * What a server starts with: its database (none means embedded PostgreSQL under the home directory, dev mode)
 * and the API tokens it accepts.
 */
public record ServerSettings(DimmerHome home, DatabaseEntry database, List<TokenGrant> grants, String host, int port,
                             List<Actor> slackUsers) {
    public ServerSettings {
        slackUsers = slackUsers == null ? List.of() : List.copyOf(slackUsers);
    }

    public ServerSettings(DimmerHome home, DatabaseEntry database, List<TokenGrant> grants, String host, int port) {
        this(home, database, grants, host, port, List.of());
    }

    public boolean devMode() {
        return database == null;
    }
}
