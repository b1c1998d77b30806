package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * A percentage as the plan writes it ({@code 0%}, {@code 0.01%}, {@code 99.9%}), read once when the plan is bound.
 * Events and snapshots hold the text.
 *
 * @param text  as written in the plan
 * @param value the number of percent (0.01% is 0.01); null only for text the plan's schema refuses
 */
public record Percent(String text, BigDecimal value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Percent of(String text) {
        return text == null ? null : new Percent(text, parse(text));
    }

    /** The number in {@code text}, or null when it is not a percentage. */
    public static BigDecimal parse(String text) {
        if (text == null || !text.matches("^[0-9]+(\\.[0-9]+)?%$")) {
            return null;
        }
        return new BigDecimal(text.substring(0, text.length() - 1));
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
