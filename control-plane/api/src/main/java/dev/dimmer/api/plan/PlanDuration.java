package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as the plan writes it ({@code 30s}, {@code 1h30m}, {@code 7d}), read once when the plan is bound.
 * Events and snapshots hold the text, as they always have; java.time's ISO form (PT30M) is not what people write.
 *
 * @param text  as written in the plan
 * @param value the duration; null only for text that is not a duration, which the plan's schema refuses, so a
 *              loaded or stored plan always has one
 */
public record PlanDuration(String text, Duration value) {
    private static final Pattern DURATION = Pattern.compile("^(?:[0-9]+(?:ms|s|m|h|d|w))+$");
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h|d|w)");

    /** The text read as a duration; null for null. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlanDuration of(String text) {
        return text == null ? null : new PlanDuration(text, parse(text));
    }

    /** The duration in {@code text}, or null when it is not one. */
    public static Duration parse(String text) {
        if (text == null || !DURATION.matcher(text).matches()) {
            return null;
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            });
        }
        return total;
    }

    /** The duration of a field the plan may leave out: zero when absent (or unreadable). */
    public static Duration orZero(PlanDuration duration) {
        return duration == null || duration.value() == null ? Duration.ZERO : duration.value();
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }

    /** As written, so that runbooks and messages show what the plan says. */
    @Override
    public String toString() {
        return text;
    }
}
