package dev.dimmer.validation.plan;

import java.time.Duration;
import java.util.Locale;

/** Numbers and durations as summaries write them: 10,000 rows; a lag of 2m 5s. */
final class Thousands {
    private Thousands() {
    }

    static String of(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "none";
        }
        long seconds = duration.abs().getSeconds();
        String sign = duration.isNegative() ? "-" : "";
        if (seconds < 60) {
            long millis = duration.abs().toMillis();
            return sign + (millis % 1000 == 0 ? seconds + "s" : String.format(Locale.ROOT, "%.3fs", millis / 1000.0));
        }
        StringBuilder text = new StringBuilder(sign);
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            text.append(days).append("d ");
        }
        if (hours > 0) {
            text.append(hours).append("h ");
        }
        if (minutes > 0) {
            text.append(minutes).append("m ");
        }
        if (rest > 0) {
            text.append(rest).append("s ");
        }
        return text.toString().trim();
    }
}
