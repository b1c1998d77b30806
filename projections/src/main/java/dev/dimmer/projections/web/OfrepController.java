package dev.dimmer.projections.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dimmer.projections.switches.EncodedSwitches;
import dev.dimmer.projections.switches.Evaluating;
import dev.dimmer.projections.switches.OfrepAnswer;
import dev.dimmer.projections.switches.ServedSwitches;
import dev.dimmer.projections.switches.SwitchBoard;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.sse.Event;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The routing switches over the OpenFeature Remote Evaluation Protocol (OFREP v0.3), from this node's memory: a
 * flag per switch, of type string, {@code source} or {@code target}. Single and bulk evaluation (the bulk answer
 * carries an ETag; a matching If-None-Match gets 304), the configuration, and an SSE stream that says
 * {@code refetchEvaluation} whenever a switch changes. Served on the event loop: nothing here blocks.
 */
@Controller("/ofrep/v1")
final class OfrepController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SwitchBoard board;
    private final Sinks.Many<ServedSwitches> changes = Sinks.many().multicast().directBestEffort();
    private final Duration heartbeat;
    private final String publicUrl;
    // encoded once per change of the board, by the first request that sees the change
    private volatile EncodedSwitches encoded = EncodedSwitches.of(ServedSwitches.NONE);

    OfrepController(SwitchBoard board, @Value("${dimmer.ofrep.heartbeat:25s}") Duration heartbeat,
                    @Value("${dimmer.ofrep.public-url:}") String publicUrl) {
        this.board = board;
        this.heartbeat = heartbeat;
        this.publicUrl = publicUrl;
        board.onChange(served -> changes.tryEmitNext(served));
    }

    @Post("/evaluate/flags/{key}")
    HttpResponse<?> one(@PathVariable String key, @Nullable @Body byte[] body) {
        Context context = Context.read(body);
        if (context.problem() != null) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(OfrepAnswer.error(key, context.problem(),
                    context.details()));
        }
        EncodedSwitches switches = encoded();
        byte[] json = switches.answer(key, context.targetingKey());
        if (json != null) {
            return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        OfrepAnswer answer = Evaluating.one(switches.served(), key, context.targetingKey());
        return HttpResponse.status(HttpStatus.valueOf(answer.status())).body(answer);
    }

    @Post("/evaluate/flags")
    HttpResponse<?> bulk(HttpRequest<?> request, @Nullable @Body byte[] body) {
        Context context = Context.read(body);
        if (context.problem() != null) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(Map.of("errorCode", context.problem(),
                    "errorDetails", context.details(), "metadata", Map.of()));
        }
        EncodedSwitches switches = encoded();
        ServedSwitches served = switches.served();
        String etag = "\"" + served.version() + "-" + Context.fingerprint(context.targetingKey()) + "\"";
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && List.of(ifNoneMatch.split(",")).stream().map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(etag::equals)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
        }
        return HttpResponse.ok(switches.bulk(context.targetingKey(), eventsUrl(request)))
                .contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag);
    }

    private EncodedSwitches encoded() {
        EncodedSwitches current = encoded;
        ServedSwitches served = board.served();
        if (current.served() != served) {
            current = EncodedSwitches.of(served);
            encoded = current;
        }
        return current;
    }

    @Get("/configuration")
    Map<String, Object> configuration(HttpRequest<?> request) {
        return Map.of("name", "Dimmer routing switches",
                "capabilities", Map.of(
                        "cacheInvalidation", Map.of("polling", Map.of("enabled", true, "minPollingIntervalMs", 1000)),
                        "flagEvaluation", Map.of("supportedTypes", List.of("string"))),
                "eventStreams", List.of(Map.of("type", "sse", "url", eventsUrl(request))));
    }

    /** One {@code refetchEvaluation} message per change of the served switches, and a comment now and then. */
    @Get(value = "/events", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<?>> events() {
        // OFREP ADR-0008: an id for Last-Event-ID, the event name "message", and refetchEvaluation with the etag
        Flux<Event<?>> changed = changes.asFlux().map(served -> Event.<Object>of(Map.of("type", "refetchEvaluation",
                "etag", "\"" + served.version() + "\"", "lastModified", java.time.Instant.now().getEpochSecond(),
                "logPosition", served.logPosition())).id(String.valueOf(served.version())).name("message"));
        // an event with empty data is written as a comment line only: no message for the client
        Flux<Event<?>> alive = Flux.interval(heartbeat).map(i -> Event.of((Object) "").comment("alive"));
        // the first comment sends the response headers at once: a client knows it is connected
        Flux<Event<?>> hello = Flux.defer(() -> Flux.just(Event.of((Object) "").comment("switches at version "
                + board.served().version())));
        return Flux.concat(hello, Flux.merge(changed, alive));
    }

    private String eventsUrl(HttpRequest<?> request) {
        if (!publicUrl.isBlank()) {
            return publicUrl.replaceAll("/+$", "") + "/ofrep/v1/events";
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return host == null ? "/ofrep/v1/events" : "http://" + host + "/ofrep/v1/events";
    }

    /** The evaluation context of a request: its targeting key, or why it cannot be read. */
    private record Context(String targetingKey, String problem, String details) {
        static Context read(byte[] body) {
            if (body == null || body.length == 0) {
                return new Context(null, null, null);
            }
            JsonNode root;
            try {
                root = JSON.readTree(body);
            } catch (IOException e) {
                return new Context(null, OfrepAnswer.PARSE_ERROR, "the body is not JSON; send {\"context\": "
                        + "{\"targetingKey\": \"...\"}}");
            }
            JsonNode context = root == null ? null : root.get("context");
            if (context == null || context.isNull()) {
                return new Context(null, null, null);
            }
            if (!context.isObject()) {
                return new Context(null, OfrepAnswer.INVALID_CONTEXT, "context must be a JSON object");
            }
            JsonNode key = context.get("targetingKey");
            if (key == null || key.isNull()) {
                return new Context(null, null, null);
            }
            if (!key.isTextual()) {
                return new Context(null, OfrepAnswer.INVALID_CONTEXT, "context.targetingKey must be a string");
            }
            return new Context(key.asText(), null, null);
        }

        static String fingerprint(String targetingKey) {
            return targetingKey == null ? "none" : Integer.toHexString(org.apache.commons.codec.digest.MurmurHash3
                    .hash32x86(targetingKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }
}
