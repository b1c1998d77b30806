package dev.dimmer.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/** Counts OFREP evaluation requests by kind (single flag or bulk) and result; never by flag or targeting key. */
@ServerFilter("/ofrep/v1/evaluate/**")
final class OfrepMetrics {
    static final String EVALUATIONS = "dimmer.ofrep.evaluations";
    private final MeterRegistry registry;

    OfrepMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @ResponseFilter
    void count(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String kind = request.getPath().equals("/ofrep/v1/evaluate/flags") ? "bulk" : "single";
        Counter.builder(EVALUATIONS).description("OFREP evaluation requests, by kind and result")
                .tag("kind", kind).tag("result", result(response.code())).register(registry).increment();
    }

    static String result(int status) {
        return switch (status) {
            case 200 -> "ok";
            case 304 -> "not-modified";
            case 400 -> "invalid";
            case 401, 403 -> "refused";
            case 404 -> "flag-not-found";
            default -> "error";
        };
    }
}
