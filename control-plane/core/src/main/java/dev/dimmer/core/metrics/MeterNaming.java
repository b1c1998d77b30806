package dev.dimmer.core.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Dimmer's meters by Prometheus conventions: the HTTP server's timer under the {@code dimmer_} prefix, and every
 * Dimmer timer as a histogram with the same fixed buckets (5 ms to 60 s), so that quantiles aggregate across nodes
 * and a series has 15 buckets, not Micrometer's default 70.
 */
@Singleton
final class MeterNaming implements MeterFilter {
    static final String HTTP = "dimmer.http.server.requests";
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().equals("http.server.requests")) {
            return id;
        }
        return new Meter.Id(HTTP, Tags.of(id.getTagsAsIterable()), id.getBaseUnit(),
                "HTTP requests served, by method, route, status and exception", id.getType());
    }

    /** Two JVM meters whose names break the exposition's conventions (a "_count" gauge, a unit in "ns"). */
    @Override
    public MeterFilterReply accept(Meter.Id id) {
        return id.getName().equals("system.cpu.count") || id.getName().equals("process.cpu.time")
                ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().startsWith("dimmer.") || id.getType() != Meter.Type.TIMER) {
            return config;
        }
        double[] slos = new double[BUCKETS.length];
        for (int i = 0; i < BUCKETS.length; i++) {
            slos[i] = Duration.ofNanos((long) (BUCKETS[i] * 1e9)).toNanos();
        }
        return DistributionStatisticConfig.builder().percentilesHistogram(false).serviceLevelObjectives(slos)
                .build().merge(config);
    }
}
