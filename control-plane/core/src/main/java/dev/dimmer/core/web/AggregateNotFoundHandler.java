package dev.dimmer.core.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.axonframework.modelling.command.AggregateNotFoundException;

/** A command to a migration that was never registered. */
@Singleton
final class AggregateNotFoundHandler implements ExceptionHandler<AggregateNotFoundException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, AggregateNotFoundException e) {
        return Problems.respond(request, HttpStatus.NOT_FOUND, "no migration '" + e.getAggregateIdentifier()
                + "'; register its plan first (dimmer apply PLAN.yaml) or list migrations with dimmer status",
                "unknown-migration");
    }
}
