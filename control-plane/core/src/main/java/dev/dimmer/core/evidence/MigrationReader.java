package dev.dimmer.core.evidence;

import dev.dimmer.core.migration.Migration;
import jakarta.inject.Singleton;
import java.util.function.Function;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;

/**
 * Reads a migration's current state as the aggregate has it (its events since the latest snapshot), for the
 * processes beside it: the runner's pending work and the gate checklist. Nothing is changed: the unit of work is
 * rolled back.
 */
@Singleton
public final class MigrationReader {
    private final Configuration configuration;

    public MigrationReader(Configuration configuration) {
        this.configuration = configuration;
    }

    /** What {@code read} answers about the migration; the aggregate's not-found exception for an unknown id. */
    public <T> T read(String migrationId, Function<Migration, T> read) {
        Repository<Migration> repository = configuration.repository(Migration.class);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(migrationId).invoke(read);
        } finally {
            unitOfWork.rollback();
        }
    }
}
