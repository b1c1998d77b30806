package dev.dimmer.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * What a scheduler reports, so that its firings show beside everything else: each firing by job kind, and how
 * late it fired after its scheduled time. Job kinds are a closed set named by the scheduler (e.g. {@code window},
 * {@code guard}); never a job's id or a migration.
 */
@Singleton
public final class SchedulerMetrics {
    static final String FIRINGS = "dimmer.scheduler.firings";
    static final String DELAY = "dimmer.scheduler.firing.delay";
    private final MeterRegistry registry;

    public SchedulerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A job of {@code kind} fired {@code delay} after its scheduled fire time; {@code outcome} is done, failed or
     * misfired. (The label is {@code kind}, not {@code job}: Prometheus gives {@code job} to the scrape target.)
     */
    public void fired(String kind, String outcome, Duration delay) {
        Counter.builder(FIRINGS).description("scheduler firings on this node, by job kind and outcome")
                .tag("kind", kind).tag("outcome", outcome).register(registry).increment();
        Timer.builder(DELAY).description("time from a firing's scheduled moment to its start")
                .tag("kind", kind).register(registry).record(delay.isNegative() ? Duration.ZERO : delay);
    }
}
