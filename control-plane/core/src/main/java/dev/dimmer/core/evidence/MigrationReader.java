package dev.dimmer.core.evidence;

import dev.dimmer.core.migration.Migration;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * Reads a migration's current state as the aggregate has it (its events since the latest snapshot), for the
 * processes beside it: the runner's pending work, the schedule's derivation, the gate checklist. Nothing is
 * changed: the unit of work is rolled back.
 *
 * <p>It reads through a repository of its own that takes no lock. The command side's repository locks the
 * migration for the unit of work, and a read made inside an event processor's batch is a nested unit of work whose
 * cleanup (the unlock) waits for the whole batch: the schedule's derivation held every migration it had read until
 * its batch had written the triggers, and the commands on those migrations, each holding a pooled connection,
 * queued behind it until the pool ran dry. A read needs no lock: it sees the log as committed.
 */
@Singleton
public final class MigrationReader {
    private final Configuration configuration;
    private volatile EventSourcingRepository<Migration> reading;

    public MigrationReader(Configuration configuration) {
        this.configuration = configuration;
    }

    /** What {@code read} answers about the migration; the aggregate's not-found exception for an unknown id. */
    public <T> T read(String migrationId, Function<Migration, T> read) {
        EventSourcingRepository<Migration> repository = repository();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(migrationId).invoke(read);
        } finally {
            unitOfWork.rollback();
        }
    }

    private EventSourcingRepository<Migration> repository() {
        EventSourcingRepository<Migration> repository = reading;
        if (repository == null) {
            repository = EventSourcingRepository.builder(Migration.class)
                    .eventStore(configuration.eventStore())
                    .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(Migration.class,
                            configuration.parameterResolverFactory(),
                            configuration.handlerDefinition(Migration.class)))
                    .lockFactory(NullLockFactory.INSTANCE)
                    .build();
            reading = repository;
        }
        return repository;
    }
}
