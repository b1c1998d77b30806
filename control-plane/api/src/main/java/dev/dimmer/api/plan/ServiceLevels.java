package dev.dimmer.api.plan;

import java.util.List;

/**
 * What the business tolerates during the migration, in human units.
 *
 * @param downtimeBudget     total time writes or reads may be unavailable, e.g. {@code 2m}
 * @param dataDelayTolerance how stale the target may be while it serves reads, e.g. {@code 30m}
 * @param performance        performance caps, e.g. p95 read latency 250ms
 * @param cost               cost caps, e.g. double-running compute 4000 USD/month
 */
public record ServiceLevels(PlanDuration downtimeBudget, PlanDuration dataDelayTolerance, List<Cap> performance, List<Cap> cost) {
    public static final ServiceLevels NONE = new ServiceLevels(null, null, null, null);

    public ServiceLevels {
        performance = Lists.of(performance);
        cost = Lists.of(cost);
    }
}
