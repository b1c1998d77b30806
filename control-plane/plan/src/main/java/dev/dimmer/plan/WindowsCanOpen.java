package dev.dimmer.plan;

import dev.dimmer.api.plan.CutoverWindow;
import dev.dimmer.api.plan.Freeze;
import dev.dimmer.api.plan.MigrationPlan;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Windows are usable: a known time zone, real dates in order, a cron that parses and fires, and — when the window
 * has both ends — at least one opening outside every freeze. A cutover window that can never open blocks the plan.
 */
final class WindowsCanOpen implements PlanCheck {
    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    @Override
    public List<PlanProblem> check(MigrationPlan plan, LocatedDocument document) {
        List<PlanProblem> problems = new ArrayList<>();
        String zone = plan.windows().timeZone();
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                problems.add(document.problem("windows.time_zone", "unknown time zone '" + zone
                        + "'; expected an IANA zone such as Europe/Berlin, America/New_York or UTC"));
            }
        }
        for (int i = 0; i < plan.windows().freezes().size(); i++) {
            Freeze freeze = plan.windows().freezes().get(i);
            String path = "windows.freezes[" + i + "]";
            dates(problems, document, path, freeze.from(), freeze.to(), "to");
        }
        CutoverWindow cutover = plan.windows().cutover();
        if (cutover == null || cutover.cron() == null) {
            return problems;
        }
        Optional<String> cronProblem = CutoverCalendar.cronProblem(cutover.cron());
        if (cronProblem.isPresent()) {
            problems.add(document.problem("windows.cutover.cron", cronProblem.get()));
            return problems;
        }
        if (!dates(problems, document, "windows.cutover", cutover.from(), cutover.until(), "until")) {
            return problems;
        }
        CutoverCalendar calendar = new CutoverCalendar(plan.windows());
        ZonedDateTime start = EPOCH.atStartOfDay(calendar.zone());
        if (calendar.firstOpening(start).isEmpty()) {
            problems.add(document.problem("windows.cutover.cron", "the cutover window never opens"
                    + (cutover.until() == null ? "" : " before " + cutover.until())
                    + "; pick a cron expression that fires inside the window's dates"));
        } else if (cutover.from() != null && cutover.until() != null && !plan.windows().freezes().isEmpty()) {
            List<ZonedDateTime> openings = calendar.openings(start, LocalDate.parse(cutover.until()).plusDays(1).atStartOfDay(calendar.zone()));
            if (!openings.isEmpty() && openings.stream().allMatch(o -> calendar.freezeAt(o).isPresent())) {
                problems.add(document.problem("windows.cutover", "every cutover window from " + cutover.from() + " to "
                        + cutover.until() + " falls in a freeze, so it can never open; move the window's dates or its cron"));
            }
        }
        return problems;
    }

    /** Reports unreal or reversed dates; true when both ends (if given) are usable. */
    private static boolean dates(List<PlanProblem> problems, LocatedDocument document, String path, String from, String to,
                                 String toName) {
        Optional<LocalDate> start = CutoverCalendar.date(from);
        Optional<LocalDate> end = CutoverCalendar.date(to);
        boolean usable = true;
        if (from != null && start.isEmpty()) {
            problems.add(document.problem(path + ".from", "'" + from + "' is not a real date; expected an ISO date such as 2026-12-24"));
            usable = false;
        }
        if (to != null && end.isEmpty()) {
            problems.add(document.problem(path + "." + toName, "'" + to + "' is not a real date; expected an ISO date such as 2026-12-24"));
            usable = false;
        }
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            problems.add(document.problem(path + "." + toName, to + " is before " + from + ", so it can never open; expected "
                    + toName + " on or after from"));
            usable = false;
        }
        return usable;
    }
}
