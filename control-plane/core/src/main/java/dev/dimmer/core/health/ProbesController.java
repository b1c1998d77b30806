package dev.dimmer.core.health;

import dev.dimmer.api.status.ProcessorView;
import dev.dimmer.core.metrics.OperationalGauges;
import dev.dimmer.core.metrics.SchedulerState;
import dev.dimmer.core.web.DatabaseCircuit;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Probes for orchestrators, open without a token and answered from memory, so they take milliseconds even while
 * the database is away. Liveness: the process serves HTTP (restart it when it does not). Readiness: the database
 * answers its heartbeat, no processor is stalled, and the scheduler runs where there is one (send no traffic
 * when one of them fails; every check says why).
 */
@Controller("/health")
final class ProbesController {
    private final DatabaseCircuit database;
    private final OperationalGauges gauges;
    private final BeanContext beans;
    private final boolean processorsCount;

    ProbesController(DatabaseCircuit database, OperationalGauges gauges, BeanContext beans,
                     @Value("${dimmer.health.readiness-processors:true}") boolean processorsCount) {
        this.database = database;
        this.gauges = gauges;
        this.beans = beans;
        this.processorsCount = processorsCount;
    }

    @Get("/liveness")
    Map<String, String> liveness() {
        return Map.of("status", "up");
    }

    @Get("/readiness")
    HttpResponse<Map<String, Object>> readiness() {
        Map<String, Object> checks = new LinkedHashMap<>();
        boolean ready = check(checks, "database", database.away());
        if (processorsCount) {
            ready &= check(checks, "processors", stalled());
        }
        Optional<SchedulerState> scheduler = beans.findBean(SchedulerState.class);
        if (scheduler.isPresent()) {
            ready &= check(checks, "scheduler", scheduler.get().problem());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "up" : "down");
        body.put("checks", checks);
        return HttpResponse.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private Optional<String> stalled() {
        List<String> stalled = gauges.processors().map(view -> view.processors().stream()
                .filter(p -> p.state().equals("stalled")).map(ProcessorView::name).toList()).orElse(List.of());
        return stalled.isEmpty() ? Optional.empty() : Optional.of("stalled: " + String.join(", ", stalled)
                + " (a handler keeps failing on an event; dimmer projections status says which)");
    }

    private static boolean check(Map<String, Object> checks, String name, Optional<String> problem) {
        checks.put(name, problem.<Map<String, String>>map(p -> Map.of("status", "down", "detail", p))
                .orElse(Map.of("status", "up")));
        return problem.isEmpty();
    }
}
