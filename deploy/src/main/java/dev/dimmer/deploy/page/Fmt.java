package dev.dimmer.deploy.page;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the pages write times and durations: UTC, to the second, the same on every page. */
public final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** The machine-readable form, for {@code <time datetime>}. */
    public static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    public static String millis(Long ms) {
        if (ms == null) {
            return "–";
        }
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    public static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.toSeconds();
        return s >= 86400 && s % 86400 == 0 ? s / 86400 + "d" : s >= 3600 && s % 3600 == 0 ? s / 3600 + "h"
                : s >= 60 && s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    /** An event's type as words: "WaveRolledBackEvent" reads "Wave rolled back". */
    public static String event(String type) {
        if (type == null) {
            return "";
        }
        String name = type.endsWith("Event") ? type.substring(0, type.length() - "Event".length()) : type;
        String words = name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? type : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Phase and weight as one phrase: "canary 10%", "cutover". */
    public static String phase(dev.dimmer.api.migration.Phase phase, int weight) {
        return phase == dev.dimmer.api.migration.Phase.CANARY ? phase.label() + " " + weight + "%" : phase.label();
    }
}
