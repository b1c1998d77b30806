package dev.dimmer.core.web;

import dev.dimmer.api.migration.Ids;
import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every error Micronaut itself answers (no route, malformed JSON, wrong media type, a body too large) as
 * problem+json with a code. Its own messages name Java types and argument binders, so they are replaced by a
 * sentence for the status unless they are plain words (ours, thrown as an HTTP status).
 */
@Singleton
@Primary
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
    // a qualified class name, a backtick-quoted type, or the binder's wording
    private static final Pattern JAVA = Pattern.compile(
            "[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.[A-Za-z]|`|Exception|argument \\[|Required (Body|argument)|"
                    + "Failed to convert|Page Not Found|Method \\[|Content Type|Content-Length|content length",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String given = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        String detail = given.isBlank() || JAVA.matcher(given).find() ? sentence(context, status) : given;
        return Problem.of(response.code(), status.getReason(), detail, code(status), context.getRequest().getPath());
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }

    static String code(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "bad-request";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case CONFLICT -> "conflict";
            case REQUEST_ENTITY_TOO_LARGE -> "payload-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case UNPROCESSABLE_ENTITY -> "unprocessable";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            case SERVICE_UNAVAILABLE -> "unavailable";
            default -> status.getCode() < 500 ? "bad-request" : "internal-error";
        };
    }

    private static String sentence(ErrorContext context, HttpStatus status) {
        String route = context.getRequest().getMethodName() + " " + Ids.shown(context.getRequest().getPath());
        return switch (status) {
            case BAD_REQUEST -> "the request could not be read: send a JSON object with the documented fields "
                    + "(see /api/openapi.yaml)";
            case NOT_FOUND -> "no such route: " + route + " (see /api/openapi.yaml)";
            case METHOD_NOT_ALLOWED -> "the route does not take " + context.getRequest().getMethodName()
                    + " (see /api/openapi.yaml)";
            case NOT_ACCEPTABLE -> "the route answers with JSON; accept application/json";
            case REQUEST_ENTITY_TOO_LARGE -> "the request body is larger than the server accepts";
            case UNSUPPORTED_MEDIA_TYPE -> "the route does not take this content type; send application/json "
                    + "(a plan may also be application/yaml)";
            default -> status.getReason();
        };
    }
}
