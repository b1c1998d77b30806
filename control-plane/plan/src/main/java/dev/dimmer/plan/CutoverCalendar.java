package dev.dimmer.plan;

import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.CutoverWindow;
import dev.dimmer.api.plan.Freeze;
import dev.dimmer.api.plan.Windows;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
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
    // openings are counted on from a day before the asked start, as a trigger counts them from its previous firing:
    // on the day clocks go back, Quartz asked from inside the repeated hour skips a 02:30 that a trigger running since
    // the day before fires (at the second 02:30), and the calendar must agree with the trigger
    private static final Duration LOOK_BACK = Duration.ofHours(26);

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
        Date next = cron.getNextValidTimeAfter(Date.from(from.toInstant().minus(LOOK_BACK)));
        while (next != null && next.toInstant().isBefore(from.toInstant())) {
            next = cron.getNextValidTimeAfter(next);
        }
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
        CronExpression cron = parsed(cutover.cron());
        Date next = cron.getNextValidTimeAfter(Date.from(from.toInstant().minus(LOOK_BACK)));
        while (next != null && next.toInstant().isBefore(from.toInstant())) {
            next = cron.getNextValidTimeAfter(next);
        }
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

    /** Whether the plan names a cutover window at all (without one, cutovers may happen at any time). */
    public boolean hasWindow() {
        CutoverWindow cutover = windows.cutover();
        return cutover != null && cutover.cron() != null && cronProblem(cutover.cron()).isEmpty();
    }

    /** How long each opening of the window stays open. */
    public Duration length() {
        return PlanDuration.orZero(windows.cutover() == null ? null : windows.cutover().duration());
    }

    /** The opening of the window that is open at {@code at} (opening inclusive, close exclusive), if any. */
    public Optional<ZonedDateTime> openAt(Instant at) {
        Duration length = length();
        if (!hasWindow() || length.isZero()) {
            return Optional.empty();
        }
        ZonedDateTime now = at.atZone(zone());
        List<ZonedDateTime> open = openings(now.minus(length).plusNanos(1_000_000), now.plusNanos(1_000_000));
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(open.size() - 1));
    }

    /** The freeze whose days (in the plan's zone, both inclusive) hold {@code at}, if any. */
    public Optional<Freeze> frozenAt(Instant at) {
        LocalDate day = at.atZone(zone()).toLocalDate();
        for (Freeze freeze : windows.freezes()) {
            Optional<LocalDate> from = date(freeze.from());
            Optional<LocalDate> to = date(freeze.to());
            if (from.isPresent() && to.isPresent() && !day.isBefore(from.get()) && !day.isAfter(to.get())) {
                return Optional.of(freeze);
            }
        }
        return Optional.empty();
    }

    /** When a freeze ends: the start of the day after its last day, in the plan's zone. */
    public Optional<ZonedDateTime> endOf(Freeze freeze) {
        return date(freeze.to()).map(d -> d.plusDays(1).atStartOfDay(zone()));
    }

    /** The first opening after {@code at} that no freeze overlaps, within two years; empty when none. */
    public Optional<ZonedDateTime> nextOpening(Instant at) {
        ZonedDateTime from = at.atZone(zone()).plusNanos(1_000_000);
        return openings(from, from.plusYears(2)).stream().filter(o -> freezeAt(o).isEmpty()).findFirst();
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
