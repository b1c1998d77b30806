package dev.dimmer.plan.render;

import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.plan.CutoverCalendar;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The cutover window as a person reads it: when it opens (weekdays and times taken from its coming openings, so
 * any Quartz expression reads right), for how long, and its next openings with the freezes they fall in.
 */
final class WindowInWords {
    private static final int SHOWN = 4;
    private static final int SAMPLE = 28;
    private static final DateTimeFormatter OPENING = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private WindowInWords() {
    }

    static List<String> describe(MigrationPlan plan, ZonedDateTime now) {
        var cutover = plan.windows().cutover();
        CutoverCalendar calendar = new CutoverCalendar(plan.windows());
        String zone = calendar.zone().getId();
        List<ZonedDateTime> coming = calendar.openings(now.withZoneSameInstant(calendar.zone()),
                now.plusYears(2).withZoneSameInstant(calendar.zone()));
        List<String> lines = new ArrayList<>();
        String range = (cutover.from() == null ? "" : " from " + cutover.from())
                + (cutover.until() == null ? "" : " until " + cutover.until());
        if (coming.isEmpty()) {
            lines.add("The cutover window (" + Texts.orNone(cutover.duration()) + range + ") does not open again after "
                    + now.toLocalDate() + ": cutover is only possible with an audited override.");
            return lines;
        }
        lines.add("Opens " + pattern(coming.subList(0, Math.min(SAMPLE, coming.size()))) + " (" + zone + ") for "
                + Texts.orNone(cutover.duration()) + range + ".");
        StringBuilder next = new StringBuilder("Next openings: ");
        for (int i = 0; i < Math.min(SHOWN, coming.size()); i++) {
            ZonedDateTime opening = coming.get(i);
            next.append(i == 0 ? "" : "; ").append(OPENING.format(opening));
            calendar.freezeAt(opening).ifPresent(freeze -> next.append(" (in the freeze ").append(freeze.from())
                    .append(" to ").append(freeze.to()).append(freeze.reason() == null ? "" : ": " + freeze.reason())
                    .append(", so closed)"));
        }
        lines.add(next.append('.').toString());
        return lines;
    }

    /** "on Tuesdays and Wednesdays at 22:00", "every day at 02:00", or the first openings when irregular. */
    private static String pattern(List<ZonedDateTime> openings) {
        Set<String> times = new LinkedHashSet<>();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        openings.forEach(o -> {
            times.add(TIME.format(o));
            days.add(o.getDayOfWeek());
        });
        String at = " at " + String.join(", ", times);
        boolean weekly = openings.size() > 1 && openings.get(openings.size() - 1).isAfter(openings.get(0).plusDays(13));
        if (openings.size() == 1) {
            return "once, on " + OPENING.format(openings.get(0));
        }
        if (!weekly) {
            return "several times a day (" + openings.size() + " openings from " + OPENING.format(openings.get(0))
                    + " to " + OPENING.format(openings.get(openings.size() - 1)) + ")";
        }
        if (days.size() == 7) {
            return "every day" + at;
        }
        List<String> names = days.stream().map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s").toList();
        return "on " + Texts.and(names) + at;
    }
}
