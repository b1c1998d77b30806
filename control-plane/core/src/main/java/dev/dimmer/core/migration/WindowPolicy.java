package dev.dimmer.core.migration;

import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.UnmetCondition;
import dev.dimmer.api.plan.Freeze;
import dev.dimmer.plan.CutoverCalendar;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A cutover happens inside an opening of the plan's cutover window ({@code windows.cutover}: a Quartz cron in the
 * plan's time zone and a duration) and outside every freeze; without a window in the plan, at any time outside the
 * freezes. Judged on the command's time; a refusal names the next opening that no freeze overlaps.
 */
final class WindowPolicy {
    private WindowPolicy() {
    }

    static Rule<WaveMove> inWindow() {
        return move -> {
            if (move.plan() == null) {
                return Optional.empty();
            }
            CutoverCalendar calendar = new CutoverCalendar(move.plan().windows());
            if (!calendar.hasWindow() || calendar.openAt(move.at()).isPresent()) {
                return Optional.empty();
            }
            ZoneId zone = Moments.zone(move.plan());
            var cutover = move.plan().windows().cutover();
            String window = String.format("the cutover window (%s for %s, %s)", cutover.cron(), cutover.duration(),
                    zone.getId());
            Optional<ZonedDateTime> next = calendar.nextOpening(move.at());
            return Optional.of(new UnmetCondition(RejectionCode.OUTSIDE_WINDOW, String.format(
                    "%s may cut over only in %s; %s (a lead may override with --override-window and a reason)",
                    move.wave().name(), window, next.map(o -> "the next opens " + Moments.opening(o.toInstant(),
                            move.at(), zone)).orElse("it does not open again; revise the plan's windows"))));
        };
    }

    static Rule<WaveMove> notFrozen() {
        return move -> {
            if (move.plan() == null) {
                return Optional.empty();
            }
            CutoverCalendar calendar = new CutoverCalendar(move.plan().windows());
            Optional<Freeze> freeze = calendar.frozenAt(move.at());
            if (freeze.isEmpty()) {
                return Optional.empty();
            }
            ZoneId zone = Moments.zone(move.plan());
            Instant ends = calendar.endOf(freeze.get()).map(ZonedDateTime::toInstant).orElse(move.at());
            return Optional.of(new UnmetCondition(RejectionCode.CHANGE_FREEZE, String.format(
                    "%s may not cut over during the freeze from %s to %s (%s); it ends %s (a lead may override with "
                            + "--override-window and a reason)", move.wave().name(), freeze.get().from(),
                    freeze.get().to(), freeze.get().reason() == null ? "no reason given" : freeze.get().reason(),
                    Moments.opening(ends, move.at(), zone))));
        };
    }
}
