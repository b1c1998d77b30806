package dev.dimmer.core.migration;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.plan.CutoverCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as a refusal tells them: in the plan's time zone ({@code windows.time_zone}, UTC when absent), the clock
 * time alone when it is on the command's day ("14:20 UTC"), with the day otherwise ("Tue 2027-01-12 22:00 CET"), and
 * how far off it is from the command's time ("3h from now").
 */
public final class Moments {
    private static final DateTimeFormatter SAME_DAY = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ROOT);
    private static final DateTimeFormatter OTHER_DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz",
            Locale.ROOT);

    private Moments() {
    }

    /** The plan's time zone; UTC when it names none. */
    public static ZoneId zone(MigrationPlan plan) {
        ZoneId zone = plan == null ? ZoneOffset.UTC : new CutoverCalendar(plan.windows()).zone();
        return zone.equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    }

    /** {@code when} as people read it on the day of {@code now}. */
    public static String when(Instant when, Instant now, ZoneId zone) {
        ZonedDateTime at = when.atZone(zone);
        boolean sameDay = at.toLocalDate().equals(now.atZone(zone).toLocalDate());
        return (sameDay ? SAME_DAY : OTHER_DAY).format(at);
    }

    /** "3h from now", "2d 4h from now", "40s from now". */
    public static String fromNow(Instant now, Instant when) {
        return span(Duration.between(now, when)) + " from now";
    }

    /** A positive duration in at most two units: "2d 4h", "3h", "1h 5m", "40s". */
    public static String span(Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        if (minutes > 0) {
            return minutes + "m" + (rest > 0 ? " " + rest + "s" : "");
        }
        return rest + "s";
    }

    /** "at 14:20 UTC, 3h from now". */
    static String opening(Instant when, Instant now, ZoneId zone) {
        return "at " + when(when, now, zone) + ", " + fromNow(now, when);
    }
}
