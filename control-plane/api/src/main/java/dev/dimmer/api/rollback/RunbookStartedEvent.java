package dev.dimmer.api.rollback;

import dev.dimmer.api.plan.RollbackAction;
import java.time.Instant;
import java.util.List;

/**
 * A wave's runbook began: its steps as the plan had them at that moment, numbered from 0. {@code run} counts the
 * migration's runbooks from 1; with the migration, wave and step it makes each step's idempotency key.
 */
public record RunbookStartedEvent(String migrationId, String wave, RunPurpose purpose, int run,
                                  List<RollbackAction> steps, Instant at) implements RunbookEvent {
    public RunbookStartedEvent {
        steps = List.copyOf(steps);
    }
}
