package dev.dimmer.core.axon;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.audit.AuditMetadata;
import dev.dimmer.api.migration.MigrationCommand;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Copies a command's provenance into its metadata at dispatch, whoever sends it (API, CLI, Slack, scheduler);
 * Axon's correlation data providers then stamp it on every event the command causes.
 */
final class ProvenanceMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {
    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof MigrationCommand command) {
                return message.andMetaData(of(command.provenance()));
            }
            return message;
        };
    }

    static Map<String, String> of(Provenance provenance) {
        return Map.of(
                AuditMetadata.ACTOR_ID, provenance.actor().id(),
                AuditMetadata.ACTOR_NAME, provenance.actor().name(),
                AuditMetadata.ACTOR_ROLES, provenance.actor().roles().stream().map(Role::label).sorted()
                        .collect(Collectors.joining(",")),
                AuditMetadata.CHANNEL, provenance.channel().label(),
                AuditMetadata.REASON, provenance.reason());
    }
}
