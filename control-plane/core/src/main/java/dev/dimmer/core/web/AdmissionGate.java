package dev.dimmer.core.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission control for the API: at most {@code dimmer.api.max-in-flight} requests are worked on at once; one more
 * waits up to {@code dimmer.api.admission-wait} for a place, then is answered 503 {@code overloaded} with
 * Retry-After, having changed nothing. Without it a stall (a burst of scheduled work, a slow disk) let requests pile
 * up by the hundred, each holding a thread and asking the connection pool for a connection, until the pool's
 * waiting line itself kept the processors and the scheduler from their connections and the stall fed itself.
 * Held answers (a {@code wait} parameter, server-sent events) and the health and document routes are not counted:
 * they wait without working.
 */
@ServerFilter("/api/**")
@Order(BearerAuthFilter.ORDER + 2)
final class AdmissionGate {
    private static final Set<String> OPEN = Set.of("/api/health", "/api/openapi.yaml");
    private final Semaphore places;
    private final int limit;
    private final long waitNanos;

    AdmissionGate(@Value("${dimmer.api.max-in-flight:12}") int limit,
                  @Value("${dimmer.api.admission-wait:2s}") Duration wait) {
        this.limit = Math.max(1, limit);
        this.places = new Semaphore(this.limit, true);
        this.waitNanos = Math.max(0, wait.toNanos());
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> admit(HttpRequest<?> request, FilterContinuation<HttpResponse<?>> next)
            throws InterruptedException {
        if (held(request)) {
            return next.proceed();
        }
        if (!places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
            return Problems.respond(request, HttpStatus.SERVICE_UNAVAILABLE, "the server is working on " + limit
                    + " requests and none finished in time; nothing was changed; retry in a moment (the same "
                    + "Idempotency-Key is safe)", "overloaded").header(HttpHeaders.RETRY_AFTER, "1");
        }
        try {
            return next.proceed();
        } finally {
            places.release();
        }
    }

    /** Requests that wait by design, or must answer whatever the load. */
    private static boolean held(HttpRequest<?> request) {
        return OPEN.contains(request.getPath())
                || asksToWait(request.getUri().getRawQuery())
                || request.getHeaders().accept().contains(MediaType.TEXT_EVENT_STREAM_TYPE);
    }

    private static boolean asksToWait(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equals("wait") || pair.startsWith("wait=")) {
                return true;
            }
        }
        return false;
    }

    /** Requests being worked on now (for metrics and tests). */
    int inFlight() {
        return limit - places.availablePermits();
    }
}
