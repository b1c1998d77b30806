package dev.dimmer.core.migration;

import dev.dimmer.api.audit.MigrationReplays;
import dev.dimmer.api.evidence.GateChecklistView;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * {@link MigrationReplays} by the aggregate's own event sourcing handlers: an empty {@link Migration}, each event
 * applied as a load from the store would apply it, never published anywhere. A bean through AuditLedgerFactory (the
 * domain package stays free of the framework).
 */
public final class InMemoryMigrations implements MigrationReplays {
    private static final AggregateModel<Migration> MODEL =
            AnnotatedAggregateMetaModelFactory.inspectAggregate(Migration.class);

    @Override
    public Replay start() {
        Migration root = new Migration();
        EventSourcedAggregate<Migration> aggregate = EventSourcedAggregate.initialize(root, MODEL,
                (org.axonframework.eventhandling.EventBus) null, NoSnapshotTriggerDefinition.TRIGGER);
        return new Replay() {
            private boolean registered;

            @Override
            public void apply(DomainEventMessage<?> event) {
                aggregate.initializeState(DomainEventStream.of(event));
                registered = true;
            }

            @Override
            public List<GateChecklistView> checklists(Instant at) {
                if (!registered || root.plan() == null) {
                    return List.of();
                }
                return root.plan().waves().stream().map(w -> root.checklist(w.name(), at)).toList();
            }
        };
    }
}
