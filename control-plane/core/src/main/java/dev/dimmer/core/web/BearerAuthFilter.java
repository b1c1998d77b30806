package dev.dimmer.core.web;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.ActorDirectory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;
import java.util.Set;

/**
 * Every {@code /api} request but health and the OpenAPI document must carry a bearer token that maps to an
 * actor; the actor travels on to the controllers as a request attribute. No anonymous reads, no anonymous writes,
 * and nothing for a consumer-only token, which evaluates switches over OFREP and does nothing else.
 */
@ServerFilter("/api/**")
@Order(BearerAuthFilter.ORDER)
final class BearerAuthFilter {
    static final int ORDER = 0;
    private static final Set<String> OPEN = Set.of("/api/health", "/api/openapi.yaml");
    private final ActorDirectory actors;

    BearerAuthFilter(ActorDirectory actors) {
        this.actors = actors;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (OPEN.contains(request.getPath())) {
            return null;
        }
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Problems.respond(request, HttpStatus.UNAUTHORIZED, "no API token; send 'Authorization: Bearer "
                    + "TOKEN' (the CLI reads DIMMER_TOKEN or the dev-mode token file)", "unauthenticated")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dimmer\"");
        }
        Optional<Actor> actor = actors.byToken(header.get().substring(7));
        if (actor.isEmpty()) {
            return Problems.respond(request, HttpStatus.UNAUTHORIZED, "the API token is not known to this server; "
                    + "check DIMMER_TOKEN or ask an admin for a token", "unauthenticated")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dimmer\", error=\"invalid_token\"");
        }
        if (actor.get().evaluatesOnly()) {
            return Problems.respond(request, HttpStatus.FORBIDDEN, actor.get().name() + " holds the consumer role "
                    + "only: it may evaluate routing switches (POST /ofrep/v1/evaluate/flags) and nothing else",
                    "forbidden");
        }
        if (actor.get().scrapesOnly()) {
            return Problems.respond(request, HttpStatus.FORBIDDEN, actor.get().name() + " holds the metrics role "
                    + "only: it may read GET /metrics and nothing else", "forbidden");
        }
        request.setAttribute(Actor.REQUEST_ATTRIBUTE, actor.get());
        return null;
    }
}
