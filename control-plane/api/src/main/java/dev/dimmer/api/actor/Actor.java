package dev.dimmer.api.actor;

import java.util.Objects;
import java.util.Set;

/** Who acts: a stable id (token owner, Slack user id), a display name and the roles held. */
public record Actor(String id, String name, Set<Role> roles) {
    /** The HTTP request attribute under which the authenticated actor travels to controllers. */
    public static final String REQUEST_ATTRIBUTE = "dimmer.actor";

    public Actor {
        Objects.requireNonNull(id, "actor id");
        name = name == null || name.isBlank() ? id : name;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /** A consumer and nothing more: it may evaluate routing switches (OFREP) and do nothing else. */
    public boolean evaluatesOnly() {
        return roles.size() == 1 && roles.contains(Role.CONSUMER);
    }

    /** A scraper and nothing more: it may read {@code /metrics} and do nothing else. */
    public boolean scrapesOnly() {
        return roles.size() == 1 && roles.contains(Role.METRICS);
    }
}
