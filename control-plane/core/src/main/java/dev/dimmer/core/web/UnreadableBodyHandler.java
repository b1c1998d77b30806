package dev.dimmer.core.web;

import io.micronaut.core.reflect.exception.InstantiationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Arrays;

/**
 * A JSON body that is an array, a number or a string where an object belongs: Micronaut's introspection fails to
 * build the request record and says so with an instantiation error rather than a JSON one. That is the caller's
 * mistake (400), found before any filter ran; any other instantiation failure is the server's.
 */
@Singleton
final class UnreadableBodyHandler implements ExceptionHandler<InstantiationException, HttpResponse<Problem>> {
    private final UnexpectedErrorHandler unexpected;

    UnreadableBodyHandler(UnexpectedErrorHandler unexpected) {
        this.unexpected = unexpected;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InstantiationException e) {
        boolean readingJson = Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("com.fasterxml.jackson.databind.deser."));
        if (!readingJson) {
            return unexpected.handle(request, e);
        }
        return Problems.respond(request, HttpStatus.BAD_REQUEST, "the body must be a JSON object with the "
                + "documented fields, e.g. {\"reason\": \"...\"} (see /api/openapi.yaml)", "bad-request");
    }
}
