package dev.dimmer.core.web;

import dev.dimmer.api.migration.CommandRejectedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** A refused command answers with its reason and the status its code calls for (404, 403, 400 or 409). */
@Singleton
final class RejectionHandler implements ExceptionHandler<CommandRejectedException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, CommandRejectedException rejection) {
        // a refusal that names several unmet conditions lists each one with its own code
        List<Map<String, String>> unmet = rejection.unmet().size() < 2 ? List.of() : rejection.unmet().stream()
                .map(u -> Map.of("code", Problems.label(u.code()), "detail", u.sentence())).toList();
        return Problems.respond(request, Problems.statusOf(rejection.code()), rejection.getMessage(),
                Problems.label(rejection.code()), unmet);
    }
}
