package dev.dimmer.deploy.page;

import dev.dimmer.api.actor.Actor;
import java.time.Instant;

/** A signed-in browser: who, the token its forms must echo, and until when. */
record PageSession(Actor actor, String csrf, Instant expiresAt) {
}
