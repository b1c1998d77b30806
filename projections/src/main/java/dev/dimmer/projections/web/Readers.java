package dev.dimmer.projections.web;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/** Who reads: any authenticated actor may read; some reads and jobs need a role. */
final class Readers {
    private Readers() {
    }

    static Actor require(HttpRequest<?> request) {
        return request.getAttribute(Actor.REQUEST_ATTRIBUTE, Actor.class).orElseThrow(() ->
                new HttpStatusException(HttpStatus.UNAUTHORIZED, "no authenticated actor on this request"));
    }

    static Actor require(HttpRequest<?> request, Role role) {
        Actor actor = require(request);
        if (!actor.holds(role)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, actor.name() + " may not do this: it needs the "
                    + role.label() + " role");
        }
        return actor;
    }

    /** The actor, if it holds one of the roles. */
    static Actor requireAny(HttpRequest<?> request, Role... roles) {
        Actor actor = require(request);
        for (Role role : roles) {
            if (actor.holds(role)) {
                return actor;
            }
        }
        throw new HttpStatusException(HttpStatus.FORBIDDEN, actor.name() + " may not do this: it needs one of the "
                + java.util.Arrays.stream(roles).map(Role::label).toList() + " roles");
    }
}
