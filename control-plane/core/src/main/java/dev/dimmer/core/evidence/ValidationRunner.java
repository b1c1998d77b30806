package dev.dimmer.core.evidence;

import dev.dimmer.api.actor.Automation;
import dev.dimmer.api.dispatch.Dispatch;
import dev.dimmer.api.dispatch.Outcome;
import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.RecordValidationResultCommand;
import dev.dimmer.api.evidence.ResultRecorded;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.core.migration.PendingRun;
import dev.dimmer.outbox.Delivery;
import dev.dimmer.outbox.OutboxMessage;
import dev.dimmer.plan.HumanUnits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one queued validation run: reads what the run still lacks from the migration (a run resumed after a crash
 * skips what it already recorded), runs each check with the validation engine and reports each result back as a
 * command through the one dispatch, as Dimmer on the automation channel. A request that waited longer than the
 * expiry (the runner was down) is not run late: its checks are recorded as errored, saying so.
 */
final class ValidationRunner implements Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(ValidationRunner.class);
    private final MigrationReader migrations;
    private final PlannedChecks checks;
    private final Dispatch dispatch;
    private final Clock clock;
    private final Duration expiry;
    private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();

    ValidationRunner(MigrationReader migrations, PlannedChecks checks, Dispatch dispatch, Clock clock,
                     Duration expiry) {
        this.migrations = migrations;
        this.checks = checks;
        this.dispatch = dispatch;
        this.clock = clock;
        this.expiry = expiry;
    }

    @Override
    public dev.dimmer.outbox.Outcome deliver(OutboxMessage message) {
        RunRequest request;
        try {
            request = RunRequest.of(message.payload());
        } catch (IllegalArgumentException e) {
            return new dev.dimmer.outbox.Outcome.Permanent(e.getMessage(), "the audit trail has the request");
        }
        PendingRun pending;
        try {
            pending = migrations.read(request.migrationId(), m -> m.pendingRun(request.runId()));
        } catch (AggregateNotFoundException e) {
            return new dev.dimmer.outbox.Outcome.Permanent("no migration " + request.migrationId(),
                    "nothing to run");
        }
        if (message.attempts() > 0 && !pending.complete()) {
            LOG.info("resuming validation run {} of {}: {} of its checks still to run", request.runId(),
                    request.migrationId(), pending.remaining().size());
        }
        Duration waited = pending.requestedAt() == null ? Duration.ZERO
                : Duration.between(pending.requestedAt(), clock.instant());
        // each result is reported while the next check runs: the command's commit costs the run no time, and
        // one reporter thread keeps the results in the order the checks ran
        java.util.concurrent.ExecutorService reporter = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "dimmer-validation-report"));
        java.util.List<java.util.concurrent.Future<String>> reports = new java.util.ArrayList<>();
        try {
            for (String name : pending.remaining()) {
                ValidationPlan validation = pending.plan().validation(name).orElse(null);
                if (stopping.get()) {
                    return settle(reports, stopped(request));
                }
                CheckResult result = result(pending, name, validation, waited);
                if (stopping.get()) {
                    // a check cut short by the stop is no finding: the next start runs it again
                    return settle(reports, stopped(request));
                }
                reports.add(reporter.submit(() -> report(request, pending, name, result)));
            }
            return settle(reports, new dev.dimmer.outbox.Outcome.Delivered(null));
        } finally {
            reporter.shutdown();
        }
    }

    /** Sends one result; answers why it may not be recorded (the outcome is unknown), or null. */
    private String report(RunRequest request, PendingRun pending, String name, CheckResult result) {
        Outcome<ResultRecorded> outcome = dispatch.send(Automation.caller(), "validation run " + request.runId(),
                p -> new RecordValidationResultCommand(request.migrationId(), pending.wave(), request.runId(),
                        result, p));
        if (outcome instanceof Outcome.Unknown<ResultRecorded> unknown) {
            return "result of " + name + " not known to be recorded: " + unknown.detail();
        }
        if (outcome instanceof Outcome.Refused<ResultRecorded> refused) {
            LOG.warn("result of {} in run {} of {} refused: {}", name, request.runId(), request.migrationId(),
                    refused.refusal().getMessage());
        }
        return null;
    }

    /**
     * Waits for every report sent; a result whose recording is unknown makes the run come back later (the
     * aggregate records a run's result once, so trying again is safe), otherwise {@code outcome} stands.
     */
    private static dev.dimmer.outbox.Outcome settle(java.util.List<java.util.concurrent.Future<String>> reports,
                                                   dev.dimmer.outbox.Outcome outcome) {
        for (java.util.concurrent.Future<String> report : reports) {
            String unknown;
            try {
                unknown = report.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new dev.dimmer.outbox.Outcome.Transient("interrupted while recording results");
            } catch (java.util.concurrent.ExecutionException e) {
                unknown = "recording a result failed: " + e.getCause().getMessage();
            }
            if (unknown != null) {
                return new dev.dimmer.outbox.Outcome.Transient(unknown);
            }
        }
        return outcome;
    }


    /** The node is stopping: running statements are cancelled, and what is not recorded waits for a runner. */
    void stop() {
        stopping.set(true);
        checks.cancelRunning();
    }

    private static dev.dimmer.outbox.Outcome stopped(RunRequest request) {
        return new dev.dimmer.outbox.Outcome.Transient("the node stopped during validation run " + request.runId()
                + "; a runner resumes it");
    }

    private CheckResult result(PendingRun pending, String name, ValidationPlan validation, Duration waited) {
        if (validation == null) {
            return CheckResult.errored(name, "unknown", name + ": not run: the plan no longer has this validation", 0);
        }
        if (waited.compareTo(expiry) > 0) {
            return CheckResult.errored(name, validation.kind(), name + ": not run: the request waited "
                    + HumanUnits.format(Duration.ofSeconds(waited.toSeconds())) + " (the runner was down); "
                    + "start a new run", 0);
        }
        Instant started = clock.instant();
        try {
            return checks.run(pending.plan(), validation);
        } catch (RuntimeException e) {
            long took = Duration.between(started, clock.instant()).toMillis();
            return CheckResult.errored(name, validation.kind(), name + ": errored: " + oneLine(e), took);
        }
    }

    private static String oneLine(Throwable e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.replaceAll("\\s+", " ").strip();
    }
}
