package dev.dimmer.core.migration;

import dev.dimmer.api.migration.TimeOverride;
import dev.dimmer.api.migration.TimeRuleOverriddenEvent;
import dev.dimmer.api.migration.UnmetCondition;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A rule about time (a window, a freeze, a hold, a stabilization period) that a lead may set aside for one move with
 * a reason: unmet as usual unless the move overrides it; a set-aside rule that would have refused is recorded.
 */
record TimeRule(TimeOverride override, Rule<WaveMove> rule) {
    /** The unmet conditions of {@code rules} that the move does not override. */
    static Function<WaveMove, List<UnmetCondition>> unlessOverridden(List<TimeRule> rules) {
        return move -> rules.stream().filter(r -> !move.overrides().contains(r.override()))
                .map(r -> r.rule().check(move)).flatMap(Optional::stream).toList();
    }

    /** What the move set aside that would have refused it, to record before the move itself. */
    static List<TimeRuleOverriddenEvent> overridden(WaveMove move, List<TimeRule> rules, String reason) {
        return rules.stream().filter(r -> move.overrides().contains(r.override()))
                .flatMap(r -> r.rule().check(move).stream().map(unmet -> new TimeRuleOverriddenEvent(
                        move.migration(), move.wave().name(), r.override(), unmet.sentence(), reason, move.at())))
                .toList();
    }
}
