package dev.dimmer.api.actor;

import dev.dimmer.api.dispatch.Caller;
import java.util.Set;

/**
 * Dimmer's scheduler acting when something is due: a recurring validation, a go/no-go review, a hold that ends, a
 * digest. Its commands come through the {@link Channel#SCHEDULER} channel as "dimmer scheduler", each with an
 * idempotency key made of the job and its scheduled fire time, so a second node, a recovery or a misfire retry of
 * the same firing never acts twice.
 */
public final class Scheduling {
    public static final Actor ACTOR = new Actor("dimmer-scheduler", "dimmer scheduler", Set.of(Role.OPERATOR,
            Role.LEAD));

    private Scheduling() {
    }

    /** The caller of one firing: {@code key} names the job and its scheduled fire time. */
    public static Caller caller(String key) {
        return new Caller(ACTOR, Channel.SCHEDULER, null, key, null);
    }
}
