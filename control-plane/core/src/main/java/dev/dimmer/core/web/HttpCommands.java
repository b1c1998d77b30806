package dev.dimmer.core.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.dispatch.Caller;
import dev.dimmer.api.dispatch.Dispatch;
import dev.dimmer.api.dispatch.Outcome;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.MigrationCommand;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.core.axon.AxonJson;
import dev.dimmer.core.axon.CommandFingerprint;
import dev.dimmer.core.axon.IdempotencyRecords;
import dev.dimmer.core.axon.IdempotencyRecords.Recorded;
import dev.dimmer.core.axon.OutcomeUnknownException;
import dev.dimmer.core.dispatch.CommandDispatch;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP adapter over the one {@link Dispatch}: reads the caller from the request (actor, X-Dimmer-Channel,
 * X-Correlation-Id, Idempotency-Key, If-Match), answers once the status view has taken the command in, and echoes
 * the correlation id so the caller can find the events in the audit trail.
 *
 * <p>Three outcomes, never mixed up: refused (4xx, nothing stored but the refusal's audit entry), stored (2xx, even
 * when the status view cannot be read afterwards: the answer then says {@code "view": "catching-up"}), and unknown
 * (503 {@code outcome-unknown}, when the commit itself lost its connection). A retry with the same key gets the
 * first outcome back, without sending anything (so a refusal is recorded once).
 */
@Singleton
final class HttpCommands {
    static final String CATCHING_UP = "199 - \"stored; the status view is catching up\"";
    static final String CHANNEL_HEADER = "X-Dimmer-Channel";
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String SERVER_TIMING = "Server-Timing";
    private static final ObjectMapper RECORDED = AxonJson.mapper();
    private final Dispatch dispatch;
    private final ReadYourWrites views;
    private final IdempotencyRecords idempotency;
    private final ObjectMapper json;

    HttpCommands(Dispatch dispatch, ReadYourWrites views, IdempotencyRecords idempotency, ObjectMapper json) {
        this.dispatch = dispatch;
        this.views = views;
        this.idempotency = idempotency;
        this.json = json;
    }

    <R> MutableHttpResponse<?> send(HttpRequest<?> request, String reason,
                                    Function<Provenance, ? extends MigrationCommand> command, Class<R> answerType) {
        return send(request, reason, command, answerType, HttpResponse::ok);
    }

    /**
     * @param answerType what the command handler answers, to read a recorded answer back on a replay
     * @param respond    turns the handler's answer into the response; run for the first answer and every replay
     */
    <R> MutableHttpResponse<?> send(HttpRequest<?> request, String reason,
                                    Function<Provenance, ? extends MigrationCommand> command, Class<R> answerType,
                                    Function<R, MutableHttpResponse<?>> respond) {
        Caller caller;
        try {
            caller = caller(request);
        } catch (CommandHeaders.InvalidHeaderException e) {
            return Problems.respond(request, HttpStatus.BAD_REQUEST, e.getMessage(), e.code());
        }
        long started = System.nanoTime();
        String key = caller.idempotencyKey();
        String actor = caller.actor().id();
        String fingerprint = null;
        if (key != null) {
            MigrationCommand asked = CommandDispatch.preview(caller, reason, command);
            fingerprint = CommandFingerprint.of(asked, caller.expectedVersion());
            var first = idempotency.find(actor, key);
            if (first.isPresent()) {
                return replay(request, first.get(), fingerprint, key, answerType, respond);
            }
        }
        long checked = System.nanoTime();
        Outcome<R> outcome = dispatch.send(caller, reason, command);
        if (outcome instanceof Outcome.Done<R> done) {
            long stored = System.nanoTime();
            String migrationId = CommandDispatch.preview(caller, reason, command).migrationId();
            boolean current = views.await(migrationId);
            MutableHttpResponse<?> response = respond.apply(done.result())
                    .header(CORRELATION_HEADER, done.correlationId())
                    .header(SERVER_TIMING, timing(started, checked, stored, System.nanoTime()));
            return current ? response : catchingUp(response);
        }
        if (outcome instanceof Outcome.Refused<R> refused) {
            CommandRejectedException refusal = refused.refusal();
            if (key != null) {
                MigrationCommand asked = CommandDispatch.preview(caller, reason, command);
                idempotency.refused(actor, key, fingerprint, asked.getClass().getSimpleName(), asked.migrationId(),
                        Problems.statusOf(refusal.code()).getCode(),
                        recorded(Map.of("detail", refusal.getMessage(), "code", Problems.label(refusal.code()))),
                        refused.correlationId());
            }
            throw refusal;
        }
        if (outcome instanceof Outcome.Duplicate<R>) {
            String taken = fingerprint;
            return replay(request, idempotency.find(actor, key).orElseThrow(() ->
                    new IllegalStateException("Idempotency-Key '" + key + "' was taken but is not recorded")),
                    taken, key, answerType, respond);
        }
        throw new OutcomeUnknownException(((Outcome.Unknown<R>) outcome).detail(), null);
    }

    /**
     * Where a stored command's time went, as W3C Server-Timing metrics (milliseconds): looking up its Idempotency-Key,
     * deciding and committing it, and waiting for the status view to take it in. Browsers' developer tools and load
     * tools show them; durations only, nothing about the command.
     */
    private static String timing(long started, long checked, long stored, long answered) {
        return String.format(java.util.Locale.ROOT, "key;dur=%.1f, command;dur=%.1f, view;dur=%.1f",
                (checked - started) / 1e6, (stored - checked) / 1e6, (answered - stored) / 1e6);
    }

    private static Caller caller(HttpRequest<?> request) {
        String key = CommandHeaders.idempotencyKey(request);
        Long expectedVersion = CommandHeaders.expectedVersion(request);
        String correlation = request.getHeaders().get(CORRELATION_HEADER);
        try {
            return new Caller(Requests.actor(request), Requests.channel(request.getHeaders().get(CHANNEL_HEADER)),
                    correlation, key, expectedVersion);
        } catch (CommandRejectedException invalid) {
            throw new CommandRejectedException(RejectionCode.INVALID_COMMAND, CORRELATION_HEADER + " may hold up to "
                    + "100 letters, digits and . _ : / -, e.g. the CI run id");
        }
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
            response.header(CORRELATION_HEADER, first.correlationId());
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
