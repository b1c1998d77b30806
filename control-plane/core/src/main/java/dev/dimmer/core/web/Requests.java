package dev.dimmer.core.web;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** Who sends an authenticated request, and through what. */
final class Requests {
    private Requests() {
    }

    /** The actor the bearer token stands for; a request without one is unauthenticated (401), as everywhere. */
    static Actor actor(HttpRequest<?> request) {
        return request.getAttribute(Actor.REQUEST_ATTRIBUTE, Actor.class).orElseThrow(() ->
                new HttpStatusException(HttpStatus.UNAUTHORIZED, "no authenticated actor on this request"));
    }

    /** The CLI says it is the CLI; everything else over HTTP is the API. Slack and the scheduler never come here. */
    static Channel channel(String claimed) {
        return "cli".equalsIgnoreCase(claimed) ? Channel.CLI : Channel.API;
    }
}
