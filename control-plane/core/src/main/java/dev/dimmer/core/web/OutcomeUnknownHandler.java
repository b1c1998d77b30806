package dev.dimmer.core.web;

import dev.dimmer.core.axon.OutcomeUnknownException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit lost its database connection: the command may or may not be stored, and this answer says exactly that
 * rather than guess. A retry with the same Idempotency-Key is safe: it acts only if the first attempt did not.
 */
@Singleton
final class OutcomeUnknownHandler implements ExceptionHandler<OutcomeUnknownException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeUnknownHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, OutcomeUnknownException e) {
        LOG.warn("outcome of {} {} unknown: {}", request.getMethod(), request.getPath(), e.getMessage());
        String key = request.getHeaders().get(CommandHeaders.IDEMPOTENCY_KEY);
        return Problems.respond(request, HttpStatus.SERVICE_UNAVAILABLE, "the database connection was lost while "
                + "the command was being committed, so it may or may not have been stored; "
                + (key == null ? "check `dimmer audit` before sending it again (send an Idempotency-Key to make a "
                + "retry safe)" : "retry with the same Idempotency-Key (" + key + ") or check `dimmer audit`"),
                "outcome-unknown").header("Retry-After", "1");
    }
}
