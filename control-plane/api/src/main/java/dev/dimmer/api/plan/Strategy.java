package dev.dimmer.api.plan;

import java.util.List;

/**
 * How the target environment is set up and how the data gets there.
 *
 * @param environment        blue_green, new_cluster, in_place or side_by_side
 * @param backfill           how history is loaded: snapshot, bulk_load, replay, dual_run or none
 * @param replication        how changes keep flowing: logical_replication, cdc, dual_writes, batch_rerun or none
 * @param dualWrites         how long writes go to both systems, e.g. {@code 72h}
 * @param compatibilityViews views that keep old readers working on the new shape
 */
public record Strategy(String environment, String backfill, String replication, PlanDuration dualWrites,
                       List<String> compatibilityViews, String notes) {
    public static final Strategy NONE = new Strategy(null, null, null, null, null, null);

    public Strategy {
        compatibilityViews = Lists.of(compatibilityViews);
    }
}
