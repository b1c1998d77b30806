package dev.dimmer.chatbot;

import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.evidence.GoNoGoVoidedEvent;
import dev.dimmer.api.evidence.ValidationPassedEvent;
import dev.dimmer.api.evidence.ValidationResultEvent;
import dev.dimmer.api.evidence.ValidationRunCompletedEvent;
import dev.dimmer.api.evidence.ValidationRunRequestedEvent;
import dev.dimmer.api.migration.CanaryWeightRaisedEvent;
import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.CutoverStartedEvent;
import dev.dimmer.api.migration.GoNoGoOpenedEvent;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PhaseWords;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.VoteCastEvent;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.migration.WaveRolledBackEvent;
import dev.dimmer.api.plan.Quorum;
import dev.dimmer.api.rollback.RollbackRehearsedEvent;
import dev.dimmer.api.rollback.RunbookEvent;

/**
 * One short human sentence per event, the same in Slack and in the log. Every string that comes from a plan or a
 * person is escaped ({@link SlackText}), and free text is cut, so a sentence is safe Slack mrkdwn.
 */
final class Sentences {
    private Sentences() {
    }

    /**
     * @param by     who caused it (the actor's display name), or null
     * @param reason why, or blank
     */
    static String of(MigrationEvent event, String by, String reason, long position) {
        String what = what(event);
        if (what == null) {
            return null;
        }
        if (event instanceof ValidationResultEvent || event instanceof ValidationRunCompletedEvent
                || event instanceof GoNoGoVoidedEvent
                || event instanceof WaveRolledBackEvent rolled && rolled.cause() != null) {
            // Dimmer's own findings: who asked is on the run, the why is the finding itself
            return what + " (audit #" + position + ")";
        }
        String who = by == null || by.isBlank() ? "" : " by " + SlackText.escape(SlackText.clip(by, 100));
        String why = reason == null || reason.isBlank() ? "" : ": " + SlackText.quote(reason);
        return what + who + why + " (audit #" + position + ")";
    }

    private static String what(MigrationEvent event) {
        String id = esc(event.migrationId());
        if (event instanceof MigrationRegisteredEvent e) {
            return "Migration " + id + " registered (" + esc(SlackText.clip(e.plan().title(), 200)) + ", " + e.plan().waves().size()
                    + " waves)";
        }
        if (event instanceof PlanRevisedEvent e) {
            return "Plan of " + id + " revised (" + esc(SlackText.clip(String.join("; ", e.changes()), 1000)) + ")";
        }
        if (event instanceof WaveAdvancedEvent e) {
            return "Wave " + esc(e.wave()) + " moved " + e.from() + " → " + phase(e.phase(), e.weight());
        }
        if (event instanceof CanaryWeightRaisedEvent e) {
            return "Wave " + esc(e.wave()) + " canary " + e.fromWeight() + "% → " + e.weight() + "% of reads on the target";
        }
        if (event instanceof CutoverStartedEvent e) {
            return "Wave " + esc(e.wave()) + " cut over: all reads on the target";
        }
        if (event instanceof WaveRolledBackEvent e) {
            return "Wave " + esc(e.wave()) + " rolled back from " + phase(e.from(), e.fromWeight())
                    + " to SHADOW (no reads on the target)" + (e.cause() == null ? ""
                    : " by itself: " + esc(SlackText.clip(e.cause(), 1000)));
        }
        if (event instanceof ValidationRunRequestedEvent || event instanceof ValidationPassedEvent) {
            // passes are summed up per run, and a run is announced when it ends
            return null;
        }
        if (event instanceof ValidationResultEvent e) {
            return (e.status() == CheckStatus.FAILED ? ":x: " : ":warning: ") + esc(SlackText.clip(e.summary(),
                    1500)) + " (wave " + esc(e.wave()) + ", run " + esc(e.runId()) + ")";
        }
        if (event instanceof ValidationRunCompletedEvent e) {
            return (e.failed() + e.errored() == 0 ? ":white_check_mark: " : "") + "Validation run " + esc(e.runId())
                    + " of wave " + esc(e.wave()) + ": " + e.passed() + " passed, " + e.failed() + " failed, "
                    + e.errored() + " errored in " + millis(e.durationMillis());
        }
        if (event instanceof GoNoGoVoidedEvent e) {
            return "Go/no-go of wave " + esc(e.wave()) + ": " + e.ballotsVoided() + " ballot(s) voided, "
                    + esc(e.validation()) + " " + e.status().label() + " after they were cast; a new vote is needed";
        }
        if (event instanceof GoNoGoOpenedEvent e) {
            return "Go/no-go opened on the " + e.before().label() + " of wave " + esc(e.wave()) + " (needs "
                    + Quorum.describe(e.quorum()) + ", no rejection)";
        }
        if (event instanceof VoteCastEvent e) {
            return esc(e.voterName()) + " voted " + e.vote().label() + " on wave " + esc(e.wave()) + " ("
                    + e.approvals() + " approve, " + e.rejections() + " reject; "
                    + (e.passed() ? "go/no-go passed" : "not passed yet") + ")";
        }
        if (event instanceof CommandRefusedEvent e) {
            return "Refused " + SlackText.quote(e.attempted()) + " (" + SlackText.quote(e.refusal()) + ")";
        }
        if (event instanceof dev.dimmer.api.migration.SwitchKilledEvent e) {
            return "Switch " + esc(e.routingSwitch()) + " of wave " + esc(e.wave())
                    + " killed: every consumer reads the source until the wave moves forward";
        }
        if (event instanceof RunbookEvent e) {
            return RunbookSentences.of(e);
        }
        if (event instanceof RollbackRehearsedEvent e) {
            return RunbookSentences.rehearsed(e);
        }
        if (event instanceof dev.dimmer.api.migration.TimeRuleOverriddenEvent e) {
            return "Lead override of the " + e.override().label() + " rule on wave " + esc(e.wave()) + " (it said: "
                    + SlackText.quote(e.refusal()) + ")";
        }
        if (event instanceof dev.dimmer.api.schedule.ScheduledNoticeEvent e) {
            return esc(e.text());
        }
        if (event instanceof MigrationAbortedEvent) {
            return "Migration " + id + " aborted";
        }
        return event.getClass().getSimpleName().replace("Event", "") + " on " + id;
    }

    private static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String esc(String text) {
        return SlackText.escape(text);
    }

    static String phase(Phase phase, int weight) {
        return PhaseWords.brief(phase, weight);
    }
}
