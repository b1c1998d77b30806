package dev.dimmer.plan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the human units plans use: durations such as {@code 30s}, {@code 1h30m}, {@code 7d}, and
 * percentages such as {@code 0.01%}. java.time's ISO-8601 form (PT30M) is not what people write in a plan.
 */
public final class HumanUnits {
    private static final Pattern DURATION = Pattern.compile("^(?:[0-9]+(?:ms|s|m|h|d|w))+$");
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h|d|w)");

    private HumanUnits() {
    }

    /** The duration, or empty when the text is absent or not a duration. */
    public static Optional<Duration> duration(String text) {
        if (text == null || !DURATION.matcher(text).matches()) {
            return Optional.empty();
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
        return Optional.of(total);
    }

    /** The percentage as a number (0.01% is 0.01), or empty when absent or malformed. */
    public static Optional<BigDecimal> percent(String text) {
        if (text == null || !text.matches("^[0-9]+(\\.[0-9]+)?%$")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(text.substring(0, text.length() - 1)));
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
