package dev.dimmer.core.axon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.api.audit.AuditMetadata;
import dev.dimmer.api.migration.MigrationCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Records a command sent with an Idempotency-Key in the command's own transaction: the key is claimed before the
 * handler runs and the handler's answer written after it, so the key's row and the events commit together or not
 * at all. A key that is there already means a duplicate: it is rolled back before it could store anything.
 */
final class IdempotencyRecording implements MessageHandlerInterceptor<CommandMessage<?>> {
    private static final ObjectMapper JSON = AxonJson.mapper();
    private final IdempotencyRecords records;

    IdempotencyRecording(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> message = unitOfWork.getMessage();
        Object key = message.getMetaData().get(AuditMetadata.IDEMPOTENCY_KEY);
        if (key == null || !(message.getPayload() instanceof MigrationCommand command)) {
            return chain.proceed();
        }
        String actor = command.provenance().actor().id();
        Object correlation = message.getMetaData().get(AuditMetadata.CORRELATION_ID);
        records.claim(actor, key.toString(),
                CommandFingerprint.of(command, message.getMetaData().get(AuditMetadata.EXPECTED_VERSION)),
                command.getClass().getSimpleName(), command.migrationId(),
                correlation == null ? null : correlation.toString());
        Object answer = chain.proceed();
        records.complete(actor, key.toString(), json(answer));
        return answer;
    }

    private static String json(Object answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record the command's answer: " + e.getMessage(), e);
        }
    }
}
