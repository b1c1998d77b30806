package dev.dimmer.projections.status;

import dev.dimmer.api.rollback.RunbookCompletedEvent;
import dev.dimmer.api.rollback.RunbookEvent;
import dev.dimmer.api.rollback.RunbookRetriedEvent;
import dev.dimmer.api.rollback.RunbookStalledEvent;
import dev.dimmer.api.rollback.RunbookStartedEvent;
import dev.dimmer.api.rollback.RunbookStepFailedEvent;
import dev.dimmer.api.rollback.RunbookStepStartedEvent;
import dev.dimmer.api.rollback.RunbookStepSucceededEvent;
import dev.dimmer.projections.status.StatusChange.RunbookBegan;
import dev.dimmer.projections.status.StatusChange.RunbookStateChanged;
import dev.dimmer.projections.status.StatusChange.RunbookStepChanged;
import dev.dimmer.projections.status.StatusChange.StepLine;

/** What a runbook's events change on the status board: the wave's runbook and its steps, one change per event. */
final class RunbookFold {
    private RunbookFold() {
    }

    static StatusChange change(RunbookEvent event, long position) {
        String id = event.migrationId();
        String wave = event.wave();
        if (event instanceof RunbookStartedEvent e) {
            return new RunbookBegan(id, wave, e.purpose().label(), e.run(), e.steps().stream()
                    .map(s -> new StepLine(s.kind(), s.description())).toList(), position);
        }
        if (event instanceof RunbookStepStartedEvent e) {
            return new RunbookStepChanged(id, wave, e.step(), "running", null, null, position);
        }
        if (event instanceof RunbookStepSucceededEvent e) {
            return new RunbookStepChanged(id, wave, e.step(), "succeeded", e.durationMillis(), e.detail(), position);
        }
        if (event instanceof RunbookStepFailedEvent e) {
            return new RunbookStepChanged(id, wave, e.step(), "failed", e.durationMillis(), e.reason(), position);
        }
        if (event instanceof RunbookCompletedEvent e) {
            return new RunbookStateChanged(id, wave, "completed", e.totalMillis(), position);
        }
        if (event instanceof RunbookStalledEvent) {
            return new RunbookStateChanged(id, wave, "stalled", null, position);
        }
        RunbookRetriedEvent e = (RunbookRetriedEvent) event;
        return new RunbookStateChanged(id, wave, "running", null, position);
    }
}
