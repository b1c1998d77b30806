package dev.dimmer.core.rollback;

import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.dispatch.Caller;
import dev.dimmer.api.dispatch.Dispatch;
import dev.dimmer.api.dispatch.Outcome;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.api.actor.Automation;
import dev.dimmer.api.rollback.ReportRunbookStepCommand;
import dev.dimmer.api.rollback.StepOutcome;
import dev.dimmer.core.migration.Runbook;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a wave's runbook from the first step that has not succeeded, in plan order, one step at a time: report the
 * step started (unless a run before a crash did), do it, report what it came to. A failed step stalls the runbook
 * (the aggregate records it) until someone retries; a step cut short by a shutdown is reported nothing and run again
 * after the restart, under the same idempotency key. Every report goes through the one dispatch as Dimmer's
 * automation actor; a refused report (the runbook was superseded by a newer rollback, or the migration aborted)
 * ends this run.
 */
final class RunningARunbook {
    private static final Logger LOG = LoggerFactory.getLogger(RunningARunbook.class);
    private static final Caller DIMMER = Automation.caller();
    private final RunbookProgress progress;
    private final StepActions actions;
    private final Dispatch dispatch;

    RunningARunbook(RunbookProgress progress, StepActions actions, Dispatch dispatch) {
        this.progress = progress;
        this.actions = actions;
        this.dispatch = dispatch;
    }

    /** Runs runbook {@code run} of the wave to its end or its first failure; false when cut short by a shutdown. */
    boolean run(String migration, String wave, int run) {
        Optional<RunbookProgress.Found> found = progress.of(migration, wave);
        if (found.isEmpty() || found.get().runbook() == null || found.get().runbook().run() != run
                || !found.get().runbook().running()) {
            return true;
        }
        Runbook book = found.get().runbook();
        boolean started = book.nextStarted();
        for (int step = book.next(); step < book.steps().size(); step++) {
            RollbackAction action = book.steps().get(step);
            if (!started && !report(migration, wave, run, step, StepOutcome.STARTED, 0, "")) {
                return true;
            }
            started = false;
            StepContext context = StepContext.live(StepKeys.of(migration, wave, book.purpose(), run, step),
                    found.get().plan());
            StepResult result = actions.run(action, context);
            if (result.kind() == StepResult.Kind.INTERRUPTED) {
                return false;
            }
            StepOutcome outcome = result.succeeded() ? StepOutcome.SUCCEEDED : StepOutcome.FAILED;
            if (!report(migration, wave, run, step, outcome, result.durationMillis(), result.detail())
                    || !result.succeeded()) {
                return true;
            }
        }
        return true;
    }

    private boolean report(String migration, String wave, int run, int step, StepOutcome outcome, long millis,
                           String detail) {
        Outcome<Object> answer = dispatch.send(DIMMER, "runbook step " + (step + 1) + " " + outcome.name()
                        .toLowerCase(java.util.Locale.ROOT),
                p -> new ReportRunbookStepCommand(migration, wave, run, step, outcome, millis, detail, p));
        if (answer instanceof Outcome.Refused<Object> refused) {
            LOG.info("runbook {} of {}/{} stops: {}", run, migration, wave, refused.refusal().getMessage());
            return false;
        }
        if (answer instanceof Outcome.Unknown<Object> unknown) {
            // the processor tries the event again and the run resumes from what the log then says
            throw new IllegalStateException("the report of step " + (step + 1) + " of runbook " + run + " of "
                    + migration + "/" + wave + " has an unknown outcome: " + unknown.detail());
        }
        return true;
    }
}
