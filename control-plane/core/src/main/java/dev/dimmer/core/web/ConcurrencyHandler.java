package dev.dimmer.core.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Two commands raced for the same migration (on different nodes) and this one lost: nothing of it was stored.
 * The caller reads the new state and decides again.
 */
@Singleton
final class ConcurrencyHandler implements ExceptionHandler<ConcurrencyException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConcurrencyException e) {
        return Problems.respond(request, HttpStatus.CONFLICT, "another command changed this migration at the same "
                + "moment and won; nothing of yours was stored: check its status and try again", "concurrent-change");
    }
}
