package dev.dimmer.api.plan;

import java.util.List;

/** What operations has in place before the first wave moves, and what was checked. */
public record Readiness(List<String> dashboards, List<String> alerts, List<String> runbooks, String onCall,
                        boolean backupsVerified, boolean loadTested, boolean accessMapped) {
    public static final Readiness NONE = new Readiness(null, null, null, null, false, false, false);

    public Readiness {
        dashboards = Lists.of(dashboards);
        alerts = Lists.of(alerts);
        runbooks = Lists.of(runbooks);
    }
}
