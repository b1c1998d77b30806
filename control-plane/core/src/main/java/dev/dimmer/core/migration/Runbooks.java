package dev.dimmer.core.migration;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.api.rollback.ReportRunbookStepCommand;
import dev.dimmer.api.rollback.RunPurpose;
import dev.dimmer.api.rollback.RunbookCompletedEvent;
import dev.dimmer.api.rollback.RunbookRetriedEvent;
import dev.dimmer.api.rollback.RunbookStalledEvent;
import dev.dimmer.api.rollback.RunbookStartedEvent;
import dev.dimmer.api.rollback.RunbookStepFailedEvent;
import dev.dimmer.api.rollback.RunbookStepStartedEvent;
import dev.dimmer.api.rollback.RunbookStepSucceededEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The runbooks of a migration's waves, the process a rollback or cutover starts: one current runbook per wave,
 * driven by the executor's reports. {@code decide…} methods check a command and answer the events it causes;
 * {@link #evolve} only assigns, for the aggregate's sourcing handlers and for the executor reading the log alike.
 * The steps run in plan order, each once: a step that succeeded is never reported again.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class Runbooks {
    private int count;
    private Map<String, Runbook> byWave = new LinkedHashMap<>();

    /** The events starting a runbook of {@code steps} for the wave; none when the plan gives it no step. */
    List<Object> decideStart(String migration, String wave, RunPurpose purpose, List<RollbackAction> steps,
                             Instant at) {
        return steps.isEmpty() ? List.of() : List.of(new RunbookStartedEvent(migration, wave, purpose, count + 1,
                steps, at));
    }

    List<Object> decideReport(String migration, ReportRunbookStepCommand report) {
        Runbook book = current(migration, report.wave(), report.run());
        if (!book.running()) {
            throw refuse(RejectionCode.ILLEGAL_TRANSITION, "runbook %d of wave %s is %s; it takes no step report",
                    book.run(), report.wave(), book.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (report.step() != book.next()) {
            throw refuse(RejectionCode.ILLEGAL_TRANSITION, "runbook %d of wave %s is at step %d, not %d",
                    book.run(), report.wave(), book.next() + 1, report.step() + 1);
        }
        if (report.outcome() == null) {
            throw refuse(RejectionCode.INVALID_COMMAND, "a step report is started, succeeded or failed");
        }
        RollbackAction action = book.steps().get(book.next());
        Instant at = report.provenance().at();
        String detail = report.detail() == null ? "" : report.detail();
        return switch (report.outcome()) {
            case STARTED -> {
                if (book.nextStarted()) {
                    throw refuse(RejectionCode.ILLEGAL_TRANSITION, "step %d of runbook %d of wave %s has started "
                            + "already", book.next() + 1, book.run(), report.wave());
                }
                yield List.of(new RunbookStepStartedEvent(migration, report.wave(), book.purpose(), book.run(),
                        book.next(), action.kind(), action.description(), at));
            }
            case SUCCEEDED -> {
                requireStarted(book, report.wave());
                var done = new RunbookStepSucceededEvent(migration, report.wave(), book.purpose(), book.run(),
                        book.next(), action.kind(), report.durationMillis(), detail, at);
                yield book.lastStep() ? List.of(done, new RunbookCompletedEvent(migration, report.wave(),
                        book.purpose(), book.run(), book.steps().size(),
                        Duration.between(book.startedAt(), at).toMillis(), at)) : List.of(done);
            }
            case FAILED -> {
                requireStarted(book, report.wave());
                yield List.of(new RunbookStepFailedEvent(migration, report.wave(), book.purpose(), book.run(),
                                book.next(), action.kind(), report.durationMillis(), detail, at),
                        new RunbookStalledEvent(migration, report.wave(), book.purpose(), book.run(), book.next(),
                                detail, at));
            }
        };
    }

    /**
     * Refuses to move the wave forward while its rollback runbook still runs: the runbook's steps (reads sent back,
     * a view swapped back, a deploy hook) would otherwise land after the move and undo it behind the lead's back.
     * A stalled runbook does not hold the wave: its lead has been told, and decides.
     */
    void requireNoRollbackRunning(String wave, String move) {
        Runbook book = byWave.get(wave);
        if (book != null && book.purpose() == RunPurpose.ROLLBACK && book.running()) {
            throw refuse(RejectionCode.ILLEGAL_TRANSITION, "wave %s is still rolling back: runbook %d is at step %d "
                    + "of %d; %s it once the runbook completes (the wave's status shows it)", wave, book.run(),
                    book.next() + 1, book.steps().size(), move);
        }
    }

    List<Object> decideRetry(String migration, String wave, Instant at) {
        Runbook book = byWave.get(wave);
        if (book == null || book.status() != Runbook.Status.STALLED) {
            throw refuse(RejectionCode.ILLEGAL_TRANSITION, "wave %s has no stalled runbook to retry%s", wave,
                    book == null ? "" : " (runbook " + book.run() + " is " + book.status().name()
                            .toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return List.of(new RunbookRetriedEvent(migration, wave, book.purpose(), book.run(), book.next(), at));
    }

    /** Only assigns: the state after {@code event}; events of other kinds change nothing. */
    public void evolve(Object event) {
        if (event instanceof RunbookStartedEvent e) {
            count = e.run();
            byWave.put(e.wave(), Runbook.started(e.purpose(), e.run(), e.steps(), e.at()));
        } else if (event instanceof RunbookStepStartedEvent e) {
            byWave.computeIfPresent(e.wave(), (w, b) -> b.stepStarted());
        } else if (event instanceof RunbookStepSucceededEvent e) {
            byWave.computeIfPresent(e.wave(), (w, b) -> b.stepSucceeded());
        } else if (event instanceof RunbookStepFailedEvent e) {
            byWave.computeIfPresent(e.wave(), (w, b) -> b.stepFailed());
        } else if (event instanceof RunbookStalledEvent e) {
            byWave.computeIfPresent(e.wave(), (w, b) -> b.stalled(e.reason()));
        } else if (event instanceof RunbookCompletedEvent e) {
            byWave.computeIfPresent(e.wave(), (w, b) -> b.completed());
        } else if (event instanceof RunbookRetriedEvent e) {
            byWave.computeIfPresent(e.wave(), (w, b) -> b.retried());
        }
    }

    /** The wave's current runbook, if it ever had one. */
    public Optional<Runbook> of(String wave) {
        return Optional.ofNullable(byWave.get(wave));
    }

    /** A copy for a reader that evolves it further without touching the aggregate's own. */
    public Runbooks copy() {
        Runbooks copy = new Runbooks();
        copy.count = count;
        copy.byWave = new LinkedHashMap<>(byWave);
        return copy;
    }

    private Runbook current(String migration, String wave, int run) {
        Runbook book = byWave.get(wave);
        if (book == null || book.run() != run) {
            throw refuse(RejectionCode.ILLEGAL_TRANSITION, "runbook %d is not the current runbook of wave %s of %s",
                    run, wave, migration);
        }
        return book;
    }

    private static void requireStarted(Runbook book, String wave) {
        if (!book.nextStarted()) {
            throw refuse(RejectionCode.ILLEGAL_TRANSITION, "step %d of runbook %d of wave %s has not started",
                    book.next() + 1, book.run(), wave);
        }
    }

    private static CommandRejectedException refuse(RejectionCode code, String format, Object... args) {
        return new CommandRejectedException(code, String.format(format, args));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Runbooks r && r.count == count && r.byWave.equals(byWave);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, byWave);
    }
}
