package dev.dimmer.core.migration;

import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.api.rollback.RunPurpose;
import java.time.Instant;
import java.util.List;

/**
 * Where one wave's runbook stands: its steps, the next step to run (and whether the executor has started it), and
 * whether it runs, stalled or completed. A value: every event gives a new one.
 *
 * @param startedAt the time of the command that started it (the rollback or the cutover)
 * @param next      the first step that has not succeeded
 */
public record Runbook(RunPurpose purpose, int run, List<RollbackAction> steps, Instant startedAt, int next,
                      boolean nextStarted, Status status, String stallReason) {
    public enum Status { RUNNING, STALLED, COMPLETED }

    public Runbook {
        steps = List.copyOf(steps);
    }

    static Runbook started(RunPurpose purpose, int run, List<RollbackAction> steps, Instant at) {
        return new Runbook(purpose, run, steps, at, 0, false, Status.RUNNING, null);
    }

    Runbook stepStarted() {
        return new Runbook(purpose, run, steps, startedAt, next, true, status, null);
    }

    Runbook stepSucceeded() {
        return new Runbook(purpose, run, steps, startedAt, next + 1, false, status, null);
    }

    Runbook stepFailed() {
        return new Runbook(purpose, run, steps, startedAt, next, false, status, null);
    }

    Runbook stalled(String reason) {
        return new Runbook(purpose, run, steps, startedAt, next, false, Status.STALLED, reason);
    }

    Runbook completed() {
        return new Runbook(purpose, run, steps, startedAt, next, false, Status.COMPLETED, null);
    }

    Runbook retried() {
        return new Runbook(purpose, run, steps, startedAt, next, false, Status.RUNNING, null);
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public boolean lastStep() {
        return next == steps.size() - 1;
    }
}
