package dev.dimmer.plan;

import dev.dimmer.api.plan.Percent;
import dev.dimmer.api.plan.PlanDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads and writes the human units plans use: durations such as {@code 30s}, {@code 1h30m}, {@code 7d}, and
 * percentages such as {@code 0.01%}. A bound plan holds them read already ({@link PlanDuration}, {@link Percent});
 * this reads loose text the same way and writes durations back.
 */
public final class HumanUnits {
    private HumanUnits() {
    }

    /** The duration, or empty when the text is absent or not a duration. */
    public static Optional<Duration> duration(String text) {
        return Optional.ofNullable(PlanDuration.parse(text));
    }

    /** The percentage as a number (0.01% is 0.01), or empty when absent or malformed. */
    public static Optional<BigDecimal> percent(String text) {
        return Optional.ofNullable(Percent.parse(text));
    }

    /** A duration as people say it: 90s is 1m30s, 36h is 1d12h. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        long days = duration.toDays();
        Duration rest = duration.minusDays(days);
        append(text, days, "d");
        append(text, rest.toHours(), "h");
        append(text, rest.toMinutesPart(), "m");
        append(text, rest.toSecondsPart(), "s");
        append(text, rest.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
