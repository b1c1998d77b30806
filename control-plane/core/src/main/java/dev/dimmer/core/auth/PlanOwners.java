package dev.dimmer.core.auth;

import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.core.migration.Migration;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The owners a migration's current plan names, read from its own events (from the latest snapshot on), so the
 * answer is the aggregate's own: right after a plan is applied or revised, on every node, with no view to lag.
 */
public final class PlanOwners {
    private final Supplier<EventStore> events;

    public PlanOwners(Supplier<EventStore> events) {
        this.events = events;
    }

    public List<Owner> of(String migrationId) {
        DomainEventStream stream = events.get().readEvents(migrationId);
        List<Owner> owners = List.of();
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Class<?> type = event.getPayloadType();
            if (type == Migration.class) {
                owners = ((Migration) event.getPayload()).owners();
            } else if (type == MigrationRegisteredEvent.class) {
                owners = ((MigrationRegisteredEvent) event.getPayload()).plan().owners();
            } else if (type == PlanRevisedEvent.class) {
                owners = ((PlanRevisedEvent) event.getPayload()).plan().owners();
            }
        }
        return owners;
    }
}
