package dev.dimmer.core.web;

import dev.dimmer.api.migration.RejectionCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;
import java.util.Locale;

/** Builds problem+json responses, and says which HTTP status each rejection code answers with. */
public final class Problems {
    private Problems() {
    }

    public static MutableHttpResponse<Problem> respond(HttpRequest<?> request, HttpStatus status, String detail,
                                                       String code) {
        return respond(request, status, detail, code, List.of());
    }

    public static MutableHttpResponse<Problem> respond(HttpRequest<?> request, HttpStatus status, String detail,
                                                       String code, List<?> errors) {
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail,
                request == null ? null : request.getPath(), code, errors);
        return HttpResponse.<Problem>status(status).body(problem).contentType(Problem.CONTENT_TYPE);
    }

    public static HttpStatus statusOf(RejectionCode code) {
        return switch (code) {
            case UNKNOWN_MIGRATION, UNKNOWN_WAVE, UNKNOWN_SWITCH -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case INVALID_COMMAND, INVALID_ID -> HttpStatus.BAD_REQUEST;
            case REASON_TOO_LONG, INVALID_TEXT -> HttpStatus.UNPROCESSABLE_ENTITY;
            default -> HttpStatus.CONFLICT;
        };
    }

    public static String label(RejectionCode code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
