package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;
import java.util.List;

/**
 * How to get back to the old system.
 *
 * @param retention   how long the old system stays readable after cutover, e.g. {@code 7d}
 * @param reverseSync how writes made on the target reach the old system: dual_writes, reverse_replication, replay
 *                    or none
 * @param rehearsal   the last rehearsal as the plan declares it: a note for people, never evidence for a gate
 * @param actions     the exact steps, in order
 * @param maxDuration how long a measured rehearsal may take for a gate with {@code rehearsed_rollback} to pass;
 *                    5m when absent
 */
public record RollbackPlan(PlanDuration retention, String reverseSync, Rehearsal rehearsal, List<RollbackAction> actions,
                           PlanDuration maxDuration) {
    public static final RollbackPlan NONE = new RollbackPlan(null, null, null, null, null);
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(5);

    @JsonCreator
    public RollbackPlan {
        actions = Lists.of(actions);
    }

    public RollbackPlan(PlanDuration retention, String reverseSync, Rehearsal rehearsal, List<RollbackAction> actions) {
        this(retention, reverseSync, rehearsal, actions, null);
    }

    /** The longest a rehearsed rollback may take: the plan's {@code max_duration}, else 5 minutes. */
    public Duration maxDurationOrDefault() {
        return maxDuration == null || maxDuration.value() == null ? DEFAULT_MAX_DURATION : maxDuration.value();
    }

    /** The steps rolling back {@code wave} runs, in plan order. */
    public List<RollbackAction> actionsFor(String wave) {
        return actions.stream().filter(a -> a.appliesTo(wave)).toList();
    }
}
