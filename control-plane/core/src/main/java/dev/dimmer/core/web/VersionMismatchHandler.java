package dev.dimmer.core.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/** If-Match named a version the migration is no longer (or not yet) at: nothing was stored. */
@Singleton
final class VersionMismatchHandler
        implements ExceptionHandler<ConflictingAggregateVersionException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConflictingAggregateVersionException e) {
        return Problems.respond(request, HttpStatus.PRECONDITION_FAILED, "migration "
                + e.getAggregateIdentifier() + " is at version " + e.getActualVersion() + ", not "
                + e.getExpectedVersion() + " as If-Match says; nothing was changed: read its status and decide "
                + "again", "version-mismatch")
                .header("ETag", "\"" + e.getActualVersion() + "\"");
    }
}
