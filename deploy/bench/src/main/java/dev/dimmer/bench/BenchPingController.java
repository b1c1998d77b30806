package dev.dimmer.bench;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.Map;

/**
 * The trivial endpoint {@code dimmer bench switches} measures beside OFREP: same server, same bearer check, a tiny
 * JSON answer from the event loop. Exists only when the bench starts the server with {@code dimmer.bench.ping}.
 */
@Controller("/api/bench/ping")
@Requires(property = "dimmer.bench.ping", value = "true")
final class BenchPingController {
    private static final Map<String, String> PONG = Map.of("value", "pong");

    @Post
    Map<String, String> ping() {
        return PONG;
    }
}
