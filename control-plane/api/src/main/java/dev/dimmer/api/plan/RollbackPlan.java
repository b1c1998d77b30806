package dev.dimmer.api.plan;

import java.util.List;

/**
 * How to get back to the old system.
 *
 * @param retention   how long the old system stays readable after cutover, e.g. {@code 7d}
 * @param reverseSync how writes made on the target reach the old system: dual_writes, reverse_replication, replay
 *                    or none
 * @param rehearsal   the last rehearsal, if any
 * @param actions     the exact steps, in order
 */
public record RollbackPlan(PlanDuration retention, String reverseSync, Rehearsal rehearsal, List<RollbackAction> actions) {
    public static final RollbackPlan NONE = new RollbackPlan(null, null, null, null);

    public RollbackPlan {
        actions = Lists.of(actions);
    }
}
