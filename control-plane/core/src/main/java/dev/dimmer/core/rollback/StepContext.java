package dev.dimmer.core.rollback;

import dev.dimmer.api.plan.Connection;
import dev.dimmer.api.plan.MigrationPlan;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how a step runs: its idempotency key, the connections and URLs it may use, and whether it is a
 * rehearsal (webhooks get {@code X-Dimmer-Rehearsal: true}) or a dry run (SQL is rolled back).
 *
 * @param key          stable per (migration, wave, runbook, step): the same on every retry and after a restart
 * @param connections  the connections SQL steps name, by name
 * @param stagingUrls  for a rehearsal on staging, the plan's URL prefix replacements; null otherwise
 */
public record StepContext(String key, Map<String, Connection> connections, Map<String, String> stagingUrls,
                          boolean rehearsal, boolean dryRun) {

    /** A runbook step for real: the plan's own connections and URLs. */
    static StepContext live(String key, MigrationPlan plan) {
        return new StepContext(key, plan.connections(), null, false, false);
    }

    Optional<Connection> connection(String name) {
        return Optional.ofNullable(connections.get(name));
    }

    /** The URL to call: the plan's, or on staging the plan's rehearsal endpoint for it (empty when none). */
    Optional<String> url(String planned) {
        if (stagingUrls == null) {
            return Optional.of(planned);
        }
        return new dev.dimmer.api.plan.RehearsalTarget(null, stagingUrls).endpoint(planned);
    }
}
