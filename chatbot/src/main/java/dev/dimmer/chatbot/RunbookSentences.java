package dev.dimmer.chatbot;

import dev.dimmer.api.rollback.RollbackRehearsedEvent;
import dev.dimmer.api.rollback.RunbookCompletedEvent;
import dev.dimmer.api.rollback.RunbookEvent;
import dev.dimmer.api.rollback.RunbookRetriedEvent;
import dev.dimmer.api.rollback.RunbookStalledEvent;
import dev.dimmer.api.rollback.RunbookStartedEvent;
import dev.dimmer.api.rollback.RunbookStepFailedEvent;
import dev.dimmer.api.rollback.RunbookStepStartedEvent;
import dev.dimmer.api.rollback.RunbookStepSucceededEvent;

/**
 * A runbook's progress in the migration's thread, one line per step event. A {@code notify} step's message is the
 * detail of its succeeded event, so it is posted exactly once, through the same outbox as every other line.
 */
final class RunbookSentences {
    private RunbookSentences() {
    }

    static String of(RunbookEvent event) {
        String what = event.purpose().label() + " of wave " + SlackText.escape(event.wave());
        if (event instanceof RunbookStartedEvent e) {
            return capital(what) + " runbook started: " + e.steps().size() + " step(s)";
        }
        if (event instanceof RunbookStepStartedEvent e) {
            return capital(what) + ": step " + (e.step() + 1) + " (" + e.kind() + ") started: "
                    + SlackText.escape(SlackText.clip(e.description() == null ? "" : e.description(), 200));
        }
        if (event instanceof RunbookStepSucceededEvent e) {
            if ("notify".equals(e.kind())) {
                return SlackText.escape(SlackText.clip(e.detail(), 1000));
            }
            return capital(what) + ": step " + (e.step() + 1) + " (" + e.kind() + ") done in " + e.durationMillis()
                    + " ms: " + SlackText.escape(SlackText.clip(e.detail(), 200));
        }
        if (event instanceof RunbookStepFailedEvent e) {
            return capital(what) + ": step " + (e.step() + 1) + " (" + e.kind() + ") FAILED: "
                    + SlackText.quote(e.reason());
        }
        if (event instanceof RunbookCompletedEvent e) {
            return capital(what) + " completed: " + e.steps() + " step(s) in " + e.totalMillis() + " ms";
        }
        if (event instanceof RunbookStalledEvent e) {
            return capital(what) + " STALLED at step " + (e.step() + 1) + "; resume with dimmer rollback retry "
                    + SlackText.escape(e.migrationId()) + " " + SlackText.escape(e.wave()) + " --reason ...";
        }
        RunbookRetriedEvent e = (RunbookRetriedEvent) event;
        return capital(what) + " resumed at step " + (e.fromStep() + 1);
    }

    static String rehearsed(RollbackRehearsedEvent e) {
        return (e.dryRun() ? "Dry run" : "Rehearsal") + " of the rollback of wave " + SlackText.escape(e.wave())
                + (e.succeeded() ? " succeeded" : " FAILED") + ": " + e.steps().size() + " step(s) in "
                + e.totalMillis() + " ms";
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
