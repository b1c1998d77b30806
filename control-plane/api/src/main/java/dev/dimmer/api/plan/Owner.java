package dev.dimmer.api.plan;

import dev.dimmer.api.actor.Role;

/** A person named in a plan: an id (a Slack user id where Slack is used), a display name and a role. */
public record Owner(String id, String name, Role role) {
}
