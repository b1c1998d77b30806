package dev.dimmer.core.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import java.util.Optional;

/** {@code dimmer_scheduler_running}: 1 while this node's scheduler runs, 0 when it does not; absent without one. */
@Context
final class SchedulerGauge {
    SchedulerGauge(MeterRegistry registry, BeanContext beans) {
        Gauge.builder("dimmer.scheduler.running", beans, b -> state(b).map(s -> s.problem().isEmpty() ? 1.0 : 0.0)
                        .orElse(Double.NaN))
                .description("1 while this node's scheduler runs; NaN on a server without one").register(registry);
    }

    static Optional<SchedulerState> state(BeanContext beans) {
        return beans.findBean(SchedulerState.class);
    }
}
