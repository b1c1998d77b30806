package dev.dimmer.core.web;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.core.axon.CommandRoles;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;

/**
 * Before a plan's body is read: the sender must hold the role to apply plans, and the body must fit the plan cap.
 * Parsing a large plan costs seconds of CPU and much memory, which nobody without the role should be able to spend.
 * The command bus checks the role again, as for every channel.
 */
@ServerFilter(value = "/api/migrations", methods = HttpMethod.POST)
@Order(BearerAuthFilter.ORDER + 1)
final class PlanGate {
    private final long maxBytes;

    PlanGate(@Value("${dimmer.plan.max-bytes:1048576}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        Optional<Actor> actor = request.getAttribute(Actor.REQUEST_ATTRIBUTE, Actor.class);
        Role needed = CommandRoles.requiredFor(ApplyPlanCommand.class).orElse(Role.LEAD);
        if (actor.isEmpty() || !actor.get().holds(needed)) {
            String who = actor.map(Actor::name).orElse("this caller");
            return Problems.respond(request, HttpStatus.FORBIDDEN, who + " may not apply plan: it needs the "
                    + needed.label() + " role", "forbidden");
        }
        if (request.getContentLength() > maxBytes) {
            return tooLarge(request, maxBytes);
        }
        return null;
    }

    static HttpResponse<?> tooLarge(HttpRequest<?> request, long maxBytes) {
        return Problems.respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "the plan is larger than the "
                + maxBytes + " bytes this server takes (dimmer.plan.max-bytes); split the migration or trim the "
                + "plan", "plan-too-large");
    }
}
