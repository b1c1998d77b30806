package dev.dimmer.core.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * The Prometheus exposition of this node's meters. Read from memory only (the database gauges are sampled on a
 * thread of their own), so a scrape answers at once even while the database is away.
 */
@Controller("/metrics")
final class MetricsController {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    // text/plain for curl and the CLI (Accept: text/plain); Prometheus asks for it among others, with */*
    @Get(produces = MediaType.TEXT_PLAIN)
    HttpResponse<String> scrape() {
        return HttpResponse.ok(registry.scrape()).contentType(CONTENT_TYPE);
    }
}
