package dev.dimmer.projections.switches;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * One flag's answer in OFREP's words: a success ({@code value}, {@code reason}, {@code variant}) or an error
 * ({@code errorCode}, {@code errorDetails}). {@code metadata} is always present (the Java OFREP provider reads it
 * from every answer, errors included).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// OFREP's field names, whatever naming the rest of the API uses
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
public record OfrepAnswer(String key, String value, String reason, String variant, String errorCode,
                          String errorDetails, Map<String, Object> metadata) {
    public static final String STATIC = "STATIC";
    public static final String SPLIT = "SPLIT";
    public static final String DISABLED = "DISABLED";
    public static final String FLAG_NOT_FOUND = "FLAG_NOT_FOUND";
    public static final String TARGETING_KEY_MISSING = "TARGETING_KEY_MISSING";
    public static final String INVALID_CONTEXT = "INVALID_CONTEXT";
    public static final String PARSE_ERROR = "PARSE_ERROR";

    public static OfrepAnswer success(String key, SwitchValue value, String reason, Map<String, Object> metadata) {
        return new OfrepAnswer(key, value.label(), reason, value.label(), null, null, metadata);
    }

    public static OfrepAnswer error(String key, String code, String details) {
        return new OfrepAnswer(key, null, null, null, code, details, Map.of());
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean failed() {
        return errorCode != null;
    }

    /** The HTTP status of this answer on the single-flag route. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public int status() {
        if (!failed()) {
            return 200;
        }
        return FLAG_NOT_FOUND.equals(errorCode) ? 404 : 400;
    }
}
