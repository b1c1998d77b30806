package dev.dimmer.core.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.api.audit.AuditMetadata;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.MigrationCommand;
import dev.dimmer.core.axon.AxonJson;
import dev.dimmer.core.axon.CommandFingerprint;
import dev.dimmer.core.axon.IdempotencyKeyTakenException;
import dev.dimmer.core.axon.IdempotencyRecords;
import dev.dimmer.core.axon.IdempotencyRecords.Recorded;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;

/**
 * How every command arrives over HTTP: with the caller's correlation id, Idempotency-Key and If-Match, answered
 * once the status view has taken it in, and with the correlation id echoed so the caller can find the events in
 * the audit trail.
 *
 * <p>Three outcomes, never mixed up: refused (4xx, nothing stored), stored (2xx, even when the status view cannot
 * be read afterwards: the answer then says {@code "view": "catching-up"}), and unknown (503 {@code outcome-unknown},
 * when the commit itself lost its connection). A retry with the same key gets the first outcome back.
 */
@Singleton
final class HttpCommands {
    static final String CATCHING_UP = "199 - \"stored; the status view is catching up\"";
    private static final ObjectMapper RECORDED = AxonJson.mapper();
    private final CommandSending commands;
    private final ReadYourWrites views;
    private final IdempotencyRecords idempotency;
    private final ObjectMapper json;

    HttpCommands(CommandSending commands, ReadYourWrites views, IdempotencyRecords idempotency, ObjectMapper json) {
        this.commands = commands;
        this.views = views;
        this.idempotency = idempotency;
        this.json = json;
    }

    MutableHttpResponse<?> send(HttpRequest<?> request, MigrationCommand command, Class<?> answerType) {
        return send(request, command, answerType, HttpResponse::ok);
    }

    /**
     * @param answerType what the command handler answers, to read a recorded answer back on a replay
     * @param respond    turns the handler's answer into the response; run for the first answer and every replay
     */
    <R> MutableHttpResponse<?> send(HttpRequest<?> request, MigrationCommand command, Class<R> answerType,
                                    Function<R, MutableHttpResponse<?>> respond) {
        String key;
        Long expectedVersion;
        try {
            key = CommandHeaders.idempotencyKey(request);
            expectedVersion = CommandHeaders.expectedVersion(request);
        } catch (CommandHeaders.InvalidHeaderException e) {
            return Problems.respond(request, HttpStatus.BAD_REQUEST, e.getMessage(), e.code());
        }
        Map<String, Object> metadata = new HashMap<>();
        if (key != null) {
            metadata.put(AuditMetadata.IDEMPOTENCY_KEY, key);
        }
        if (expectedVersion != null) {
            metadata.put(AuditMetadata.EXPECTED_VERSION, expectedVersion);
        }
        CommandMessage<?> message = Correlation.message(command, request.getHeaders().get(Correlation.HEADER))
                .andMetaData(metadata);
        String actor = command.provenance().actor().id();
        String fingerprint = key == null ? null : CommandFingerprint.of(command, expectedVersion);
        if (key != null) {
            var first = idempotency.find(actor, key);
            if (first.isPresent()) {
                return replay(request, first.get(), fingerprint, key, answerType, respond);
            }
        }
        R answer;
        try {
            answer = commands.send(message);
        } catch (CommandRejectedException refusal) {
            if (key != null) {
                idempotency.refused(actor, key, fingerprint, command.getClass().getSimpleName(),
                        command.migrationId(), Problems.statusOf(refusal.code()).getCode(),
                        recorded(Map.of("detail", refusal.getMessage(), "code", Problems.label(refusal.code()))),
                        Correlation.of(message));
            }
            throw refusal;
        } catch (IdempotencyKeyTakenException duplicate) {
            return replay(request, idempotency.find(actor, key).orElseThrow(() -> duplicate), fingerprint, key,
                    answerType, respond);
        }
        boolean current = views.await(command.migrationId());
        MutableHttpResponse<?> response = respond.apply(answer).header(Correlation.HEADER, Correlation.of(message));
        return current ? response : catchingUp(response);
    }

    private <R> MutableHttpResponse<?> replay(HttpRequest<?> request, Recorded first, String fingerprint, String key,
                                              Class<R> answerType, Function<R, MutableHttpResponse<?>> respond) {
        if (!first.fingerprint().equals(fingerprint)) {
            return Problems.respond(request, HttpStatus.UNPROCESSABLE_ENTITY, CommandHeaders.IDEMPOTENCY_KEY + " '"
                    + key + "' was used for a different request (" + first.commandType() + " on "
                    + first.migrationId() + "); nothing was changed: send a new key for a new request",
                    "idempotency-key-reused");
        }
        MutableHttpResponse<?> response;
        try {
            if (first.stored()) {
                response = respond.apply(RECORDED.readValue(first.body(), answerType));
            } else {
                JsonNode problem = RECORDED.readTree(first.body());
                response = Problems.respond(request, HttpStatus.valueOf(first.status()),
                        problem.path("detail").asText(), problem.path("code").asText());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the recorded outcome of key '" + key + "' cannot be read", e);
        }
        if (first.correlationId() != null) {
            response.header(Correlation.HEADER, first.correlationId());
        }
        return response.header(CommandHeaders.REPLAYED, "true");
    }

    /** The command is stored; only the view lags: the same answer, saying so in a field and a Warning. */
    @SuppressWarnings("unchecked")
    private MutableHttpResponse<?> catchingUp(MutableHttpResponse<?> response) {
        response.header("Warning", CATCHING_UP);
        Object body = response.body();
        if (body == null) {
            return response;
        }
        JsonNode node = json.valueToTree(body);
        if (node instanceof ObjectNode object) {
            object.put("view", "catching-up");
            return ((MutableHttpResponse<Object>) response).body(object);
        }
        return response;
    }

    private static String recorded(Object value) {
        try {
            return RECORDED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
