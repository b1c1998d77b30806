package dev.dimmer.core.web;

import io.micronaut.http.HttpRequest;
import java.util.regex.Pattern;

/** The optional headers a command may carry: Idempotency-Key for a safe retry, If-Match for a version check. */
final class CommandHeaders {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IF_MATCH = "If-Match";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,200}");
    private static final Pattern VERSION = Pattern.compile("\"?(\\d{1,18})\"?");

    private CommandHeaders() {
    }

    /** The caller's key, or null when it sent none. */
    static String idempotencyKey(HttpRequest<?> request) {
        String key = request.getHeaders().get(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidHeaderException("invalid-idempotency-key", IDEMPOTENCY_KEY + " must be 1 to 200 "
                    + "printable ASCII characters, e.g. a UUID; nothing was changed");
        }
        return key;
    }

    /** The migration version the caller expects (the status view's {@code version}), or null for no check. */
    static Long expectedVersion(HttpRequest<?> request) {
        String given = request.getHeaders().get(IF_MATCH);
        if (given == null || given.strip().equals("*")) {
            return null;
        }
        var matched = VERSION.matcher(given.strip());
        if (!matched.matches()) {
            throw new InvalidHeaderException("invalid-if-match", IF_MATCH + " takes the migration's version as "
                    + "shown by its status (e.g. If-Match: \"12\"); nothing was changed");
        }
        return Long.valueOf(matched.group(1));
    }

    /** A malformed header: refused before anything was sent, so nothing was changed. */
    static final class InvalidHeaderException extends RuntimeException {
        private final String code;

        InvalidHeaderException(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
