package dev.dimmer.core.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/** Every error Micronaut itself answers (no route, malformed JSON, wrong media type) as problem+json. */
@Singleton
@Primary
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        String detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return Problem.of(response.code(), response.reason(), detail, null, context.getRequest().getPath());
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }
}
