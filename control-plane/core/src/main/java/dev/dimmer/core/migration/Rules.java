package dev.dimmer.core.migration;

import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.UnmetCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of one transition. Guards come first and stop at the first unmet one (a cutover of a wave that is not
 * in CANARY has no weight, dependencies or votes worth checking); the rules after them are all checked, so a refusal
 * names every unmet condition at once. Later capabilities (evidence, windows, holds, rehearsal) add rules here.
 */
final class Rules<T> {
    private final Function<T, String> transition;
    private final List<Rule<T>> guards;
    private final List<Function<T, List<UnmetCondition>>> conditions;

    private Rules(Function<T, String> transition, List<Rule<T>> guards,
                  List<Function<T, List<UnmetCondition>>> conditions) {
        this.transition = transition;
        this.guards = List.copyOf(guards);
        this.conditions = List.copyOf(conditions);
    }

    /** The rules of a transition, e.g. "cutover of wave orders". */
    static <T> Rules<T> of(Function<T, String> transition) {
        return new Rules<>(transition, List.of(), List.of());
    }

    Rules<T> guardedBy(Rule<T> guard) {
        List<Rule<T>> more = new ArrayList<>(guards);
        more.add(guard);
        return new Rules<>(transition, more, conditions);
    }

    Rules<T> requiring(Rule<T> condition) {
        return requiringEach(subject -> condition.check(subject).map(List::of).orElse(List.of()));
    }

    /** A family of conditions that each may be unmet on their own, e.g. one per validation a gate names. */
    Rules<T> requiringEach(Function<T, List<UnmetCondition>> family) {
        List<Function<T, List<UnmetCondition>>> more = new ArrayList<>(conditions);
        more.add(family);
        return new Rules<>(transition, guards, more);
    }

    /** Every unmet condition, guards first; empty when the transition may go ahead. */
    List<UnmetCondition> unmet(T subject) {
        for (Rule<T> guard : guards) {
            Optional<UnmetCondition> refused = guard.check(subject);
            if (refused.isPresent()) {
                return List.of(refused.get());
            }
        }
        return conditions.stream().flatMap(rule -> rule.apply(subject).stream()).toList();
    }

    /** Refuses the command, naming every unmet condition, unless all hold. */
    void enforce(T subject) {
        List<UnmetCondition> unmet = unmet(subject);
        if (unmet.size() == 1) {
            UnmetCondition only = unmet.get(0);
            throw new CommandRejectedException(only.code(), only.sentence(), unmet);
        }
        if (!unmet.isEmpty()) {
            throw new CommandRejectedException(unmet.get(0).code(), transition.apply(subject) + " refused: " + String.join("; ",
                    unmet.stream().map(UnmetCondition::sentence).toList()), unmet);
        }
    }
}
