package dev.dimmer.core.metrics;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.ActorDirectory;
import dev.dimmer.api.actor.Role;
import dev.dimmer.core.web.Problems;
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
 * {@code /metrics} needs a bearer token of the metrics role (a scraper's, which may do nothing else), or of an
 * operator or viewer. The metrics name migrations and waves, so they are not for anyone who can reach the port.
 */
@ServerFilter("/metrics")
@Order(0)
final class MetricsAuthFilter {
    private static final Set<Role> READERS = Set.of(Role.METRICS, Role.OPERATOR, Role.VIEWER);
    private final ActorDirectory actors;

    MetricsAuthFilter(ActorDirectory actors) {
        this.actors = actors;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().getAuthorization();
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Problems.respond(request, HttpStatus.UNAUTHORIZED, "no token; give the scraper 'Authorization: "
                    + "Bearer TOKEN' (Prometheus: authorization.credentials_file) with a token of the metrics role",
                    "unauthenticated").header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dimmer\"");
        }
        Optional<Actor> actor = actors.byToken(header.get().substring(7));
        if (actor.isEmpty()) {
            return Problems.respond(request, HttpStatus.UNAUTHORIZED, "the token is not known to this server; check "
                    + "the scraper's credentials or ask an admin for a metrics token", "unauthenticated")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dimmer\", error=\"invalid_token\"");
        }
        if (actor.get().roles().stream().noneMatch(READERS::contains)) {
            return Problems.respond(request, HttpStatus.FORBIDDEN, actor.get().name() + " may not read metrics; "
                    + "give its token the metrics, operator or viewer role", "forbidden");
        }
        request.setAttribute(Actor.REQUEST_ATTRIBUTE, actor.get());
        return null;
    }
}
