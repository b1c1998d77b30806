package dev.dimmer.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.filter.FilterContinuation;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdmissionGateTest {
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger worked = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void shouldAnswerOverloadedWithoutWorkingWhenEveryPlaceIsTaken() throws Exception {
        // given a gate of two places, both taken by requests still being worked on
        AdmissionGate gate = new AdmissionGate(2, Duration.ofMillis(50));
        Future<HttpResponse<?>> first = callers.submit(() -> gate.admit(command(), held()));
        Future<HttpResponse<?>> second = callers.submit(() -> gate.admit(command(), held()));
        awaitInFlight(gate, 2);
        // when a third request comes
        HttpResponse<?> third = gate.admit(command(), held());
        // then it is answered 503 overloaded with Retry-After, and was never worked on
        assertThat(third.code()).isEqualTo(503);
        assertThat(third.getHeaders().get("Retry-After")).isEqualTo("1");
        assertThat(((Problem) third.body()).code()).isEqualTo("overloaded");
        assertThat(worked).hasValue(2);
        // and once the first two are answered, their places are free again
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).code()).isEqualTo(200);
        assertThat(second.get(5, TimeUnit.SECONDS).code()).isEqualTo(200);
        assertThat(gate.inFlight()).isZero();
        assertThat(gate.admit(command(), answered()).code()).isEqualTo(200);
    }

    @Test
    void shouldLetARequestWaitForAPlaceThatFreesInTime() throws Exception {
        // given a gate of one place, taken
        AdmissionGate gate = new AdmissionGate(1, Duration.ofSeconds(5));
        Future<HttpResponse<?>> first = callers.submit(() -> gate.admit(command(), held()));
        awaitInFlight(gate, 1);
        // when another request comes and the first is answered while it waits
        Future<HttpResponse<?>> second = callers.submit(() -> gate.admit(command(), answered()));
        Thread.sleep(100);
        release.countDown();
        // then both are worked on
        assertThat(first.get(5, TimeUnit.SECONDS).code()).isEqualTo(200);
        assertThat(second.get(5, TimeUnit.SECONDS).code()).isEqualTo(200);
    }

    @Test
    void shouldNotCountHeldAnswersNorHealth() throws Exception {
        // given a gate of one place, taken
        AdmissionGate gate = new AdmissionGate(1, Duration.ZERO);
        callers.submit(() -> gate.admit(command(), held()));
        awaitInFlight(gate, 1);
        // then a held answer, a server-sent event stream and the health check still go through
        assertThat(gate.admit(HttpRequest.GET("/api/migrations/m/validations/runs/r?wait=30s"), answered()).code())
                .isEqualTo(200);
        assertThat(gate.admit(HttpRequest.GET("/api/migrations/m/events").accept(MediaType.TEXT_EVENT_STREAM_TYPE),
                answered()).code()).isEqualTo(200);
        assertThat(gate.admit(HttpRequest.GET("/api/health"), answered()).code()).isEqualTo(200);
        // and a plain read does not
        assertThat(gate.admit(HttpRequest.GET("/api/migrations"), answered()).code()).isEqualTo(503);
    }

    private static HttpRequest<?> command() {
        return HttpRequest.POST("/api/migrations/m/waves/w/advance", "{}");
    }

    private static void awaitInFlight(AdmissionGate gate, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gate.inFlight() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(gate.inFlight()).isEqualTo(count);
    }

    /** The rest of the chain: works on the request until the test releases it. */
    private FilterContinuation<HttpResponse<?>> held() {
        return continuation(true);
    }

    private FilterContinuation<HttpResponse<?>> answered() {
        return continuation(false);
    }

    private FilterContinuation<HttpResponse<?>> continuation(boolean hold) {
        return new FilterContinuation<>() {
            @Override
            public FilterContinuation<HttpResponse<?>> request(HttpRequest<?> request) {
                return this;
            }

            @Override
            public HttpResponse<?> proceed() {
                worked.incrementAndGet();
                if (hold) {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return HttpResponse.ok();
            }
        };
    }
}
