package dev.dimmer.core.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code code} is Dimmer's machine-readable reason; {@code errors} lists every
 * problem found when there are several (an invalid plan).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<?> errors) {
    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail, String code, String instance) {
        return new Problem("about:blank", title, status, detail, instance, code, List.of());
    }
}
