package dev.dimmer.api.rollback;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import java.util.Set;

/** Dimmer itself, when its executor reports what it did: it holds the operator role and nothing more. */
public final class AutomationActor {
    public static final Actor DIMMER = new Actor("dimmer", "Dimmer", Set.of(Role.OPERATOR));

    private AutomationActor() {
    }
}
