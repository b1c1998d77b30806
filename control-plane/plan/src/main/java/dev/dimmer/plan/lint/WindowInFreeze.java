package dev.dimmer.plan.lint;

import dev.dimmer.api.plan.Freeze;
import dev.dimmer.plan.CutoverCalendar;
import dev.dimmer.plan.PlanProblem;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** A cutover window that opens during a freeze invites a change on the very days change is forbidden. */
final class WindowInFreeze extends NamedRule {
    WindowInFreeze() {
        super("window-in-freeze", Severity.ERROR,
                "the cutover window opens during a freeze",
                "move the window (cron, from, until) so no opening overlaps a freeze, or end the window before the freeze");
    }

    @Override
    public List<PlanProblem> check(LintContext context) {
        if (context.plan().windows().cutover() == null || context.plan().windows().freezes().isEmpty()) {
            return List.of();
        }
        CutoverCalendar calendar = new CutoverCalendar(context.plan().windows());
        ZonedDateTime start = context.today().atStartOfDay(calendar.zone());
        for (ZonedDateTime opening : calendar.openings(start, start.plusYears(1))) {
            Optional<Freeze> freeze = calendar.freezeAt(opening);
            if (freeze.isPresent()) {
                return List.of(context.at("windows.cutover", "the cutover window opening " + opening.toLocalDateTime()
                        + " " + calendar.zone() + " overlaps the freeze " + freeze.get().from() + " to " + freeze.get().to()
                        + " (" + freeze.get().reason() + ")"));
            }
        }
        return List.of();
    }
}
