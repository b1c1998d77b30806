package dev.dimmer.core.web;

import dev.dimmer.api.migration.CommandRejectedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A refused command answers with its reason and the status its code calls for (404, 403, 400 or 409). */
@Singleton
final class RejectionHandler implements ExceptionHandler<CommandRejectedException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, CommandRejectedException rejection) {
        return Problems.respond(request, Problems.statusOf(rejection.code()), rejection.getMessage(),
                Problems.label(rejection.code()));
    }
}
