package dev.dimmer.core.migration;

import dev.dimmer.api.migration.UnmetCondition;
import java.util.Optional;

/**
 * One named condition a transition needs, checked against the aggregate's state: empty when it holds, the unmet
 * condition (a code and a sentence) when it does not. Rules never throw; {@link Rules} composes them per transition.
 */
@FunctionalInterface
interface Rule<T> {
    Optional<UnmetCondition> check(T subject);
}
