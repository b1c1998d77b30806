package dev.dimmer.core.web;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.RejectionCode;
import io.micronaut.http.HttpRequest;
import java.time.Clock;

/** Turns an authenticated request into a command's provenance: who, through what, why, and when it arrived. */
final class Requests {
    private Requests() {
    }

    static Actor actor(HttpRequest<?> request) {
        return request.getAttribute(Actor.REQUEST_ATTRIBUTE, Actor.class).orElseThrow(() ->
                new CommandRejectedException(RejectionCode.FORBIDDEN, "no authenticated actor on this request"));
    }

    static Provenance provenance(HttpRequest<?> request, String reason, String channel, Clock clock) {
        return new Provenance(actor(request), channel(channel), reason, clock.instant());
    }

    /** The CLI says it is the CLI; everything else over HTTP is the API. Slack and the scheduler never come here. */
    private static Channel channel(String claimed) {
        return "cli".equalsIgnoreCase(claimed) ? Channel.CLI : Channel.API;
    }
}
