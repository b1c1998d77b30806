package dev.dimmer.core.axon;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.MigrationCommand;
import dev.dimmer.api.migration.RecordRefusalCommand;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.WaveCommand;
import dev.dimmer.core.migration.Migration;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every refused command on its migration's record, whatever the channel and whatever the refusal (a missing
 * role, an illegal transition, an unmet gate): a {@link CommandRefusedEvent} in a unit of work of its own, after
 * the refused one rolled back. The event goes through the aggregate's repository, under its lock and with its next
 * sequence number, by a {@link RecordRefusalCommand} handed to the aggregate directly: no role gate to pass, so none
 * needs a hole. Its metadata are the refused command's (who, through what, correlation), its cause the refused
 * command. A refusal for a migration that does not exist is logged, not stored.
 */
final class RefusalRecording {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalRecording.class);
    private static final int ATTEMPTS = 3;
    private final Supplier<Repository<Migration>> migrations;
    private final TransactionManager transactions;
    private final Supplier<List<CorrelationDataProvider>> correlation;

    RefusalRecording(Supplier<Repository<Migration>> migrations, TransactionManager transactions,
                     Supplier<List<CorrelationDataProvider>> correlation) {
        this.migrations = migrations;
        this.transactions = transactions;
        this.correlation = correlation;
    }

    void record(CommandMessage<?> refused, Throwable failure) {
        if (!(refused.getPayload() instanceof MigrationCommand command) || command instanceof RecordRefusalCommand) {
            return;
        }
        // an id or wave name no plan could have addresses nothing: it is refused before it reaches a migration, so
        // there is nothing to record it on, and its characters must not reach the store
        boolean malformedWave = command instanceof WaveCommand w && !dev.dimmer.api.migration.Ids.isWaveName(w.wave());
        if (!dev.dimmer.api.migration.Ids.isMigrationId(command.migrationId()) || malformedWave) {
            LOG.info("refused {} by {} on '{}', an id no plan could have (not recorded)",
                    dev.dimmer.api.migration.Ids.escaped(Attempts.of(command)), command.provenance().actor().id(),
                    dev.dimmer.api.migration.Ids.escaped(command.migrationId()));
            return;
        }
        if (failure instanceof AggregateNotFoundException
                || failure instanceof CommandRejectedException r && r.code() == RejectionCode.UNKNOWN_MIGRATION) {
            unknown(command, failure.getMessage());
            return;
        }
        if (!(failure instanceof CommandRejectedException refusal)) {
            return;
        }
        Provenance asked = command.provenance();
        Provenance kept = new Provenance(asked.actor(), asked.channel(), clip(asked.reason()), asked.at());
        CommandRefusedEvent event = new CommandRefusedEvent(command.migrationId(), Attempts.of(command),
                refusal.getMessage(), kept.actor().id(), kept.at(), Attempts.type(command),
                command instanceof WaveCommand w ? w.wave() : null, kept.reason(), kept.channel().label(),
                kept.actor().name(), refusal.unmet());
        CommandMessage<?> origin = refused.andMetaData(ProvenanceMetadata.of(kept));
        CommandMessage<?> record = GenericCommandMessage.asCommandMessage(
                new RecordRefusalCommand(command.migrationId(), event, kept));
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Throwable problem = append(origin, record);
            if (problem == null) {
                return;
            }
            if (problem instanceof AggregateNotFoundException) {
                unknown(command, refusal.getMessage());
                return;
            }
            boolean conflict = problem instanceof ConcurrencyException
                    || problem instanceof ConflictingModificationException || problem instanceof EventStoreException;
            if (!conflict || attempt == ATTEMPTS) {
                LOG.warn("could not record the refusal of {} by {} on {}: {}", event.attempted(), event.actorId(),
                        command.migrationId(), problem.toString());
                return;
            }
        }
    }

    private Throwable append(CommandMessage<?> origin, CommandMessage<?> record) {
        UnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(origin);
        try {
            correlation.get().forEach(unitOfWork::registerCorrelationDataProvider);
            unitOfWork.attachTransaction(transactions);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> migrations.get()
                    .load(((MigrationCommand) record.getPayload()).migrationId()).handle(record));
            return result.isExceptional() ? result.exceptionResult() : null;
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            return e;
        }
    }

    private static void unknown(MigrationCommand command, String refusal) {
        LOG.info("refused {} by {} for migration '{}', which does not exist (not recorded): {}",
                Attempts.of(command), command.provenance().actor().id(), command.migrationId(),
                dev.dimmer.api.migration.Ids.escaped(refusal));
    }

    private static String clip(String reason) {
        return reason.length() <= CommandRefusedEvent.REASON_LIMIT ? reason
                : reason.substring(0, CommandRefusedEvent.REASON_LIMIT - 1) + "…";
    }
}
