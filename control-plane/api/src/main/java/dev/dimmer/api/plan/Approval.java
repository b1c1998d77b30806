package dev.dimmer.api.plan;

import dev.dimmer.api.actor.Role;

/** A quorum: at least {@code count} go votes from people with {@code role}. */
public record Approval(Role role, int count) {
}
