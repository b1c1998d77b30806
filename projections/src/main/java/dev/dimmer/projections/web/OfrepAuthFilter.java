package dev.dimmer.projections.web;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OFREP evaluations need a bearer token, like the API: a consumer's (the role that may do nothing else) or any
 * reader's. 401 without a known token, 403 for an actor with no role at all, both as problem+json with the empty
 * {@code metadata} OFREP providers expect on every answer.
 */
@ServerFilter("/ofrep/**")
@Order(0)
final class OfrepAuthFilter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OfrepAuthFilter.class);
    private final ActorDirectory actors;

    OfrepAuthFilter(ActorDirectory actors) {
        this.actors = actors;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(request, HttpStatus.UNAUTHORIZED, "no token; configure the OFREP provider with the header "
                    + "'Authorization: Bearer TOKEN' (a consumer token from dimmer.yml)")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dimmer\"");
        }
        Optional<Actor> actor = actors.byToken(header.get().substring(7));
        if (actor.isEmpty()) {
            return refuse(request, HttpStatus.UNAUTHORIZED, "the token is not known to this server; check the "
                    + "provider's Authorization header or ask an admin for a consumer token")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dimmer\", error=\"invalid_token\"");
        }
        if (actor.get().roles().isEmpty() || actor.get().scrapesOnly()) {
            return refuse(request, HttpStatus.FORBIDDEN, actor.get().name() + " holds no role; give its token the "
                    + "consumer role to evaluate switches");
        }
        request.setAttribute(Actor.REQUEST_ATTRIBUTE, actor.get());
        return null;
    }

    private static io.micronaut.http.MutableHttpResponse<Map<String, Object>> refuse(HttpRequest<?> request,
                                                                                    HttpStatus status,
                                                                                    String detail) {
        // as for the API: every refusal leaves a line, never the token, the path escaped
        LOG.info("{} {} {} refused from {}", status.getCode(), request.getMethodName(),
                dev.dimmer.api.migration.Ids.shown(request.getPath()),
                request.getRemoteAddress().getAddress().getHostAddress());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReason());
        problem.put("status", status.getCode());
        problem.put("detail", detail);
        problem.put("instance", request.getPath());
        problem.put("code", status == HttpStatus.FORBIDDEN ? "forbidden" : "unauthenticated");
        problem.put("errorCode", "GENERAL");
        problem.put("errorDetails", detail);
        problem.put("metadata", Map.of());
        return HttpResponse.<Map<String, Object>>status(status).body(problem).contentType("application/problem+json");
    }
}
