package dev.dimmer.plan;

import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.CutoverWindow;
import dev.dimmer.api.plan.Freeze;
import dev.dimmer.api.plan.Windows;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * When a plan's cutover window opens, and whether an opening falls in a freeze. Cron is Quartz's syntax because
 * Quartz is what fires the windows; parsing it with the same class means a plan that loads is a plan that runs.
 */
public final class CutoverCalendar {
    private static final int MAX_OPENINGS = 2_000;

    private final Windows windows;

    public CutoverCalendar(Windows windows) {
        this.windows = windows;
    }

    public ZoneId zone() {
        try {
            return windows.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(windows.timeZone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Why the cron expression cannot be used, or empty when it can. */
    public static Optional<String> cronProblem(String cron) {
        try {
            new CronExpression(cron);
            return Optional.empty();
        } catch (ParseException e) {
            String hint = cron.trim().split("\\s+").length == 5
                    ? "; Quartz cron starts with seconds and uses ? for one of the day fields, e.g. '0 0 22 ? * SAT'"
                    : "; expected a Quartz cron expression such as '0 0 22 ? * SAT'";
            return Optional.of("invalid cron '" + cron + "': " + e.getMessage().replaceAll("\\.$", "") + hint);
        }
    }

    public static Optional<LocalDate> date(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Openings of the cutover window from {@code start} (inclusive) up to {@code end} (exclusive), at most a few thousand. */
    public List<ZonedDateTime> openings(ZonedDateTime start, ZonedDateTime end) {
        CutoverWindow cutover = windows.cutover();
        List<ZonedDateTime> result = new ArrayList<>();
        if (cutover == null || cutover.cron() == null || cronProblem(cutover.cron()).isPresent()) {
            return result;
        }
        ZonedDateTime from = date(cutover.from()).map(d -> d.atStartOfDay(zone())).filter(d -> d.isAfter(start)).orElse(start);
        ZonedDateTime until = date(cutover.until()).map(d -> d.plusDays(1).atStartOfDay(zone())).filter(d -> d.isBefore(end)).orElse(end);
        CronExpression cron = parsed(cutover.cron());
        Date next = cron.getNextValidTimeAfter(Date.from(from.toInstant().minusMillis(1)));
        while (next != null && next.toInstant().isBefore(until.toInstant()) && result.size() < MAX_OPENINGS) {
            result.add(next.toInstant().atZone(zone()));
            next = cron.getNextValidTimeAfter(next);
        }
        return result;
    }

    /** The first opening at or after {@code start}, ignoring freezes; empty when the window never opens again. */
    public Optional<ZonedDateTime> firstOpening(ZonedDateTime start) {
        CutoverWindow cutover = windows.cutover();
        if (cutover == null || cutover.cron() == null || cronProblem(cutover.cron()).isPresent()) {
            return Optional.empty();
        }
        ZonedDateTime from = date(cutover.from()).map(d -> d.atStartOfDay(zone())).filter(d -> d.isAfter(start)).orElse(start);
        Date next = parsed(cutover.cron()).getNextValidTimeAfter(Date.from(from.toInstant().minusMillis(1)));
        Optional<LocalDate> until = date(cutover.until());
        return Optional.ofNullable(next).map(d -> d.toInstant().atZone(zone()))
                .filter(opening -> until.isEmpty() || !opening.toLocalDate().isAfter(until.get()));
    }

    /** The freeze an opening of the window overlaps, if any. */
    public Optional<Freeze> freezeAt(ZonedDateTime opening) {
        Duration length = PlanDuration.orZero(windows.cutover() == null ? null : windows.cutover().duration());
        // a zero-length window still occupies its opening instant
        ZonedDateTime close = opening.plus(length.isZero() ? Duration.ofMillis(1) : length);
        for (Freeze freeze : windows.freezes()) {
            Optional<LocalDate> from = date(freeze.from());
            Optional<LocalDate> to = date(freeze.to());
            if (from.isEmpty() || to.isEmpty()) {
                continue;
            }
            ZonedDateTime frozenFrom = from.get().atStartOfDay(zone());
            ZonedDateTime frozenTo = to.get().plusDays(1).atStartOfDay(zone());
            if (opening.isBefore(frozenTo) && close.isAfter(frozenFrom)) {
                return Optional.of(freeze);
            }
        }
        return Optional.empty();
    }

    private CronExpression parsed(String cron) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(zone()));
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
