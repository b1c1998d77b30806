package dev.dimmer.core.dispatch;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.ActorDirectory;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.audit.AuditMetadata;
import dev.dimmer.api.dispatch.Caller;
import dev.dimmer.api.dispatch.Dispatch;
import dev.dimmer.api.dispatch.Outcome;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.MigrationCommand;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.core.axon.IdempotencyKeyTakenException;
import dev.dimmer.core.axon.OutcomeUnknownException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The one command dispatch: stamps the provenance (the caller's actor with its roles on the migration, the
 * channel, the reason, the time of the one clock), puts the correlation id, idempotency key and expected version
 * in the metadata, waits for the bus and turns what it answers into a typed outcome.
 */
@Singleton
public final class CommandDispatch implements Dispatch {
    private final CommandGateway gateway;
    private final ActorDirectory directory;
    private final Clock clock;

    public CommandDispatch(CommandGateway gateway, ActorDirectory directory, Clock clock) {
        this.gateway = gateway;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public <R> Outcome<R> send(Caller caller, String reason, Function<Provenance, ? extends MigrationCommand> build) {
        return sendAt(caller, reason, clock.instant(), build);
    }

    /**
     * As {@link #send}, with the command's time given rather than read from the clock: the scheduler's commands
     * carry their job's scheduled fire time, so a late or repeated firing is judged as the firing it stands for.
     */
    public <R> Outcome<R> sendAt(Caller caller, String reason, java.time.Instant at,
                                 Function<Provenance, ? extends MigrationCommand> build) {
        Provenance provenance = new Provenance(caller.actor(), caller.channel(), reason, at);
        MigrationCommand command = build.apply(provenance);
        Actor scoped = directory.onMigration(caller.actor(), command.migrationId());
        if (!scoped.equals(caller.actor())) {
            command = build.apply(new Provenance(scoped, provenance.channel(), provenance.reason(), provenance.at()));
        }
        CommandMessage<?> message = message(command, caller);
        String correlation = String.valueOf(message.getMetaData().get(AuditMetadata.CORRELATION_ID));
        try {
            @SuppressWarnings("unchecked")
            R result = (R) gateway.send(message).get();
            return new Outcome.Done<>(result, correlation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Unknown<>("interrupted while waiting for the command's answer", correlation);
        } catch (ExecutionException e) {
            return failed(e.getCause(), command, caller, correlation);
        }
    }

    /** The command the dispatch would send for this caller and reason, e.g. to fingerprint it before sending. */
    public static MigrationCommand preview(Caller caller, String reason,
                                           Function<Provenance, ? extends MigrationCommand> build) {
        return build.apply(new Provenance(caller.actor(), caller.channel(), reason, java.time.Instant.EPOCH));
    }

    private static CommandMessage<?> message(MigrationCommand command, Caller caller) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(AuditMetadata.CORRELATION_ID,
                caller.correlationId() == null ? message.getIdentifier() : caller.correlationId());
        if (caller.idempotencyKey() != null) {
            metadata.put(AuditMetadata.IDEMPOTENCY_KEY, caller.idempotencyKey());
        }
        if (caller.expectedVersion() != null) {
            metadata.put(AuditMetadata.EXPECTED_VERSION, caller.expectedVersion());
        }
        return message.andMetaData(metadata);
    }

    private static <R> Outcome<R> failed(Throwable cause, MigrationCommand command, Caller caller,
                                         String correlation) {
        if (cause instanceof CommandRejectedException refusal) {
            return new Outcome.Refused<>(refusal, correlation);
        }
        if (cause instanceof AggregateNotFoundException) {
            return new Outcome.Refused<>(new CommandRejectedException(RejectionCode.UNKNOWN_MIGRATION,
                    "no migration '" + command.migrationId() + "'; register its plan first (dimmer apply PLAN.yaml)"
                            + " or list migrations with dimmer status"), correlation);
        }
        if (cause instanceof IdempotencyKeyTakenException) {
            return new Outcome.Duplicate<>(caller.idempotencyKey(), correlation);
        }
        if (cause instanceof OutcomeUnknownException unknown) {
            return new Outcome.Unknown<>(unknown.getMessage(), correlation);
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(cause);
    }
}
