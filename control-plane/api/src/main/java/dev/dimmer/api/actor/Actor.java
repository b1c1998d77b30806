package dev.dimmer.api.actor;

import java.util.Objects;
import java.util.Set;

/** Who acts: a stable id (token owner, Slack user id), a display name and the roles held. */
public record Actor(String id, String name, Set<Role> roles) {
    public Actor {
        Objects.requireNonNull(id, "actor id");
        name = name == null || name.isBlank() ? id : name;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
