package dev.dimmer.api.actor;

import dev.dimmer.api.dispatch.Caller;
import java.util.Set;

/**
 * Dimmer acting on its own: the validation runner reporting results, a guard rolling a wave back, the rollback
 * executor reporting its steps. It holds exactly the roles those commands need, and its commands come through the
 * {@link Channel#AUTOMATION} channel, so the audit trail tells them apart from people's.
 */
public final class Automation {
    public static final Actor ACTOR = new Actor("dimmer", "Dimmer", Set.of(Role.OPERATOR, Role.LEAD));

    private Automation() {
    }

    public static Caller caller() {
        return Caller.of(ACTOR, Channel.AUTOMATION);
    }
}
