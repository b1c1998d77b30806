package dev.dimmer.core.rollback;

import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.core.migration.Migration;
import dev.dimmer.core.migration.Runbook;
import dev.dimmer.core.migration.Runbooks;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Where a wave's runbook stands, read from the migration's own events (from its latest snapshot on) with the
 * aggregate's own {@link Runbooks#evolve}: after a restart the executor resumes exactly where the log says.
 */
final class RunbookProgress {
    private final Supplier<EventStore> events;

    RunbookProgress(Supplier<EventStore> events) {
        this.events = events;
    }

    /** The migration's current plan and the wave's current runbook; empty for an unknown migration. */
    Optional<Found> of(String migrationId, String wave) {
        DomainEventStream stream = events.get().readEvents(migrationId);
        MigrationPlan plan = null;
        Runbooks runbooks = new Runbooks();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            if (payload instanceof Migration snapshot) {
                plan = snapshot.plan();
                runbooks = snapshot.runbooks().copy();
            } else if (payload instanceof MigrationRegisteredEvent registered) {
                plan = registered.plan();
            } else if (payload instanceof PlanRevisedEvent revised) {
                plan = revised.plan();
            } else {
                runbooks.evolve(payload);
            }
        }
        return plan == null ? Optional.empty() : Optional.of(new Found(plan, runbooks.of(wave).orElse(null)));
    }

    /** @param runbook null when the wave never had one */
    record Found(MigrationPlan plan, Runbook runbook) {
    }
}
