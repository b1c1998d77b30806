package dev.dimmer.core.metrics;

import dev.dimmer.api.evidence.ValidationErroredEvent;
import dev.dimmer.api.evidence.ValidationFailedEvent;
import dev.dimmer.api.evidence.ValidationResultEvent;
import dev.dimmer.api.evidence.ValidationRunCompletedEvent;
import dev.dimmer.api.migration.WaveRolledBackEvent;
import dev.dimmer.api.rollback.RunPurpose;
import dev.dimmer.api.rollback.RunbookCompletedEvent;
import dev.dimmer.api.rollback.RunbookStalledEvent;
import dev.dimmer.api.rollback.RunbookStepFailedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Counts what the log records, from the events this node appends, once they are committed: every event is appended
 * by exactly one node, so the sum over the nodes is the cluster's total. Validation runs by outcome and duration,
 * validation results by kind and status, rollbacks by trigger, runbooks (rollbacks and cutovers) by duration,
 * stalls and failed steps.
 */
@Context
public final class EventMetrics {
    static final String VALIDATION_RUNS = "dimmer.validation.runs";
    static final String VALIDATION_DURATION = "dimmer.validation.run.duration";
    static final String RUNBOOK_DURATION = "dimmer.runbook.duration";
    static final String RUNBOOK_STEP_FAILURES = "dimmer.runbook.step.failures";
    static final String RUNBOOK_STALLS = "dimmer.runbook.stalls";
    static final String VALIDATION_RESULTS = "dimmer.validation.results";
    static final String WAVE_ROLLBACKS = "dimmer.wave.rollbacks";
    private static final String ROLLBACKS_HELP = "waves rolled back, by what triggered it (a person, a failed guard, "
            + "other automation)";
    private final MeterRegistry registry;

    public EventMetrics(Configuration axon, MeterRegistry registry) {
        this.registry = registry;
        // closed label sets start at zero, so that increase() and rate() see the first event too
        for (String outcome : List.of("passed", "failed", "errored")) {
            Counter.builder(VALIDATION_RUNS).description("validation runs completed, by outcome")
                    .tag("outcome", outcome).register(registry);
        }
        for (String trigger : List.of("person", "guard", "automation")) {
            Counter.builder(WAVE_ROLLBACKS).description(ROLLBACKS_HELP).tag("trigger", trigger).register(registry);
        }
        for (RunPurpose purpose : RunPurpose.values()) {
            Counter.builder(RUNBOOK_STALLS).description("runbooks stopped at a failed step, by purpose")
                    .tag("purpose", purpose.label()).register(registry);
        }
        axon.eventStore().subscribe(this::appended);
    }

    private void appended(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> events.forEach(e -> count(e.getPayload())));
        } else {
            events.forEach(e -> count(e.getPayload()));
        }
    }

    /** Counts one committed event; other events are not counted. */
    public void count(Object event) {
        if (event instanceof ValidationRunCompletedEvent run) {
            String outcome = run.errored() > 0 ? "errored" : run.failed() > 0 ? "failed" : "passed";
            Counter.builder(VALIDATION_RUNS).description("validation runs completed, by outcome")
                    .tag("outcome", outcome).register(registry).increment();
            Timer.builder(VALIDATION_DURATION).description("validation runs, from request to last result")
                    .tag("outcome", outcome).register(registry).record(Duration.ofMillis(run.durationMillis()));
        } else if (event instanceof RunbookCompletedEvent done) {
            Timer.builder(RUNBOOK_DURATION)
                    .description("runbooks completed (rollback: the recovery time), from command to last step")
                    .tag("purpose", done.purpose().label()).register(registry)
                    .record(Duration.ofMillis(done.totalMillis()));
        } else if (event instanceof RunbookStepFailedEvent failed) {
            Counter.builder(RUNBOOK_STEP_FAILURES)
                    .description("runbook steps that failed after their own retries, by purpose and step kind")
                    .tag("purpose", failed.purpose().label()).tag("kind", kind(failed.kind()))
                    .register(registry).increment();
        } else if (event instanceof ValidationResultEvent result) {
            String status = result instanceof ValidationFailedEvent ? "failed"
                    : result instanceof ValidationErroredEvent ? "errored" : "passed";
            Counter.builder(VALIDATION_RESULTS).description("validation results recorded, by kind and status")
                    .tag("kind", kind(result.kind())).tag("status", status).register(registry).increment();
        } else if (event instanceof WaveRolledBackEvent rolledBack) {
            String trigger = rolledBack.cause() == null ? "person"
                    : rolledBack.cause().startsWith("guard") ? "guard" : "automation";
            Counter.builder(WAVE_ROLLBACKS).description(ROLLBACKS_HELP).tag("trigger", trigger).register(registry)
                    .increment();
        } else if (event instanceof RunbookStalledEvent stalled) {
            Counter.builder(RUNBOOK_STALLS).description("runbooks stopped at a failed step, by purpose")
                    .tag("purpose", stalled.purpose().label()).register(registry).increment();
        }
    }

    /** Kinds are the plan language's few words (sql, webhook, rowcount, ...); anything else is not a label. */
    private static String kind(String kind) {
        return kind != null && kind.matches("[a-z_-]{1,20}") ? kind : "other";
    }
}
