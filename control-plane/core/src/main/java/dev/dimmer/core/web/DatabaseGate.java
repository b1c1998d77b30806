package dev.dimmer.core.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Set;

/**
 * While the database is away, API commands and reads answer 503 {@code database-unavailable} at once (after the
 * token check), without touching the pool: nothing was changed, and the caller may retry after a second. OFREP keeps
 * serving the switches from memory.
 */
@ServerFilter("/api/**")
@Order(BearerAuthFilter.ORDER + 1)
final class DatabaseGate {
    private static final Set<String> OPEN = Set.of("/api/health", "/api/openapi.yaml");
    private final DatabaseCircuit circuit;

    DatabaseGate(DatabaseCircuit circuit) {
        this.circuit = circuit;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (OPEN.contains(request.getPath())) {
            return null;
        }
        return circuit.away().map(reason -> Problems.respond(request, HttpStatus.SERVICE_UNAVAILABLE,
                "the database is not reachable (" + reason + "); nothing was changed; retry in a moment",
                "database-unavailable").header("Retry-After", "1")).orElse(null);
    }
}
