package dev.dimmer.core.schedule;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.actor.Scheduling;
import dev.dimmer.api.dispatch.Caller;
import dev.dimmer.api.dispatch.Outcome;
import dev.dimmer.api.evidence.RequestValidationRunCommand;
import dev.dimmer.api.evidence.RunIds;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.OpenGoNoGoCommand;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PhaseWords;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.api.schedule.DueKind;
import dev.dimmer.api.schedule.PostNoticeCommand;
import dev.dimmer.core.dispatch.CommandDispatch;
import dev.dimmer.core.evidence.MigrationReader;
import dev.dimmer.core.migration.Moments;
import dev.dimmer.core.migration.ScheduleFacts;
import dev.dimmer.core.migration.ScheduleFacts.WaveFacts;
import dev.dimmer.plan.CutoverCalendar;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a firing does, per kind: every action is one command through the one dispatch, as "dimmer scheduler" on the
 * scheduler channel, at the firing's scheduled time, with the firing's idempotency key. The migration's state is
 * read first, so a firing that is no longer due (the wave moved on, a run of the same validation is still open)
 * sends nothing.
 */
@Singleton
@Requires(property = "dimmer.schedule.enabled", notEquals = "false")
public final class DueActions {
    private static final Logger LOG = LoggerFactory.getLogger(DueActions.class);
    private final MigrationReader migrations;
    private final CommandDispatch dispatch;
    private final Clock clock;
    private final ScheduleDeriving deriving;
    private final FiringLog log;

    DueActions(MigrationReader migrations, CommandDispatch dispatch, Clock clock, ScheduleDeriving deriving,
               FiringLog log) {
        this.migrations = migrations;
        this.dispatch = dispatch;
        this.clock = clock;
        this.deriving = deriving;
        this.log = log;
    }

    void fire(Firing firing) {
        ScheduleFacts facts;
        try {
            facts = migrations.read(firing.migration(), m -> m.scheduleFacts());
        } catch (AggregateNotFoundException e) {
            return;
        }
        if (facts.aborted()) {
            return;
        }
        Optional<WaveFacts> wave = firing.wave() == null ? Optional.empty() : facts.wave(firing.wave());
        switch (firing.kind()) {
            case VALIDATION -> wave.ifPresent(w -> validate(firing, w));
            case HOLD_ENDS -> wave.ifPresent(w -> holdEnds(firing, facts, w));
            case STABILIZATION_ENDS -> wave.filter(w -> w.phase() == Phase.STABILIZATION).ifPresent(w -> notice(
                    firing, firing.wave(), w.name() + " has stabilized for " + plan(facts, w).stabilization()
                            + ": ready to decommission (dimmer advance " + firing.migration() + " " + w.name() + ")"));
            case RETENTION_ENDS -> wave.ifPresent(w -> notice(firing, w.name(), "the old system of " + w.name()
                    + " stays readable until " + Moments.when(firing.due(), firing.scheduled(), zone(facts))
                    + " (rollback.retention " + facts.plan().rollback().retention() + " after the cutover); "
                    + "a rollback after that has nothing to go back to"));
            case GO_NO_GO_REVIEW -> wave.filter(w -> w.phase() == Phase.CANARY && w.goNoGoOpenedAt() == null)
                    .ifPresent(w -> send(firing, "go/no-go review before the window at "
                            + Moments.when(firing.due(), firing.scheduled(), zone(facts)),
                            p -> new OpenGoNoGoCommand(firing.migration(), w.name(), p)));
            case GO_NO_GO_REMINDER -> wave.filter(w -> w.goNoGoOpenedAt() != null && !w.goNoGoPassed())
                    .ifPresent(w -> remind(firing, facts, w));
            case FRESH_EVIDENCE -> wave.filter(w -> w.phase() == Phase.CANARY)
                    .filter(w -> Derivation.staleBy(facts.plan(), w, firing.due()))
                    .ifPresent(w -> freshRun(firing, facts, w));
            case WINDOW_ENDS -> facts.waves().stream().filter(w -> w.phase() == Phase.CUTOVER).forEach(w -> notice(
                    firing, w.name(), "the cutover of " + w.name() + " is still running as the window closes at "
                            + Moments.when(firing.due(), firing.scheduled(), zone(facts)) + ": overrunning"));
            case DIGEST -> notice(firing, null, Digest.of(facts, firing.previous(), firing.scheduled()));
            case VOTE_EXPIRES -> wave.ifPresent(w -> VoteNotices.expiring(w, firing.due(), firing.scheduled(),
                    zone(facts), facts.migrationId()).ifPresent(text -> notice(firing, w.name(), text)));
            case VOTE_EXPIRED -> wave.ifPresent(w -> VoteNotices.expired(w, firing.due(), firing.scheduled(),
                    zone(facts), facts.migrationId()).ifPresent(text -> notice(firing, w.name(), text)));
            default -> throw new IllegalStateException("no action for " + firing.kind());
        }
        if (firing.due() != null) {
            // a one-off job is gone once fired; the next one (the next window's end, ...) is derived now
            deriving.derive(firing.migration());
        }
    }

    private void validate(Firing firing, WaveFacts wave) {
        if (!Derivation.validating(wave.phase())) {
            return;
        }
        if (wave.runs(firing.validation())) {
            LOG.info("{} of {}/{} not started: its previous run is still open", firing.validation(),
                    firing.migration(), wave.name());
            return;
        }
        String runId = RunIds.next(clock, Scheduling.ACTOR.id(), firing.key());
        send(firing, "scheduled run of " + firing.validation(), p -> new RequestValidationRunCommand(
                firing.migration(), wave.name(), runId, List.of(firing.validation()), p));
    }

    private void holdEnds(Firing firing, ScheduleFacts facts, WaveFacts wave) {
        WavePlan plan = plan(facts, wave);
        boolean shadow = wave.phase() == Phase.SHADOW;
        Optional<Integer> next = shadow ? Optional.of(plan.canarySteps().get(0))
                : plan.canarySteps().stream().filter(step -> step > wave.weight()).findFirst();
        if (next.isEmpty() || !(shadow || wave.phase() == Phase.CANARY)) {
            return;
        }
        // a firing derived for another phase (the wave moved since) or a step without a wait announces nothing
        if (PlanDuration.orZero(shadow ? plan.shadow() : plan.hold()).isZero() && !plan.advancesByItself()) {
            return;
        }
        String what = shadow ? "its shadow of " + plan.shadow() + " is over"
                : "its hold of " + plan.hold() + " at " + wave.weight() + "% is over";
        Instant due = firing.due() == null ? firing.scheduled() : firing.due();
        if (!facts.noticed(DueKind.HOLD_ENDS.label() + ":" + wave.name() + ":" + due)) {
            send(firing.withKey(firing.key() + "/notice"), "hold over", p -> new PostNoticeCommand(
                    firing.migration(), wave.name(), DueKind.HOLD_ENDS, wave.name() + " may go to " + next.get()
                    + "% now: " + what + (plan.advancesByItself() ? "; auto_advance raises it once the gate's "
                    + "evidence is green" : ""), due, p));
        }
        if (plan.advancesByItself()) {
            List<String> held = migrations.read(firing.migration(), m -> m.autoAdvanceHeldBy(wave.name(),
                    firing.scheduled()));
            if (held.isEmpty()) {
                send(firing, "auto_advance: " + what + " and the gate's evidence is green",
                        p -> new AdvanceWaveCommand(firing.migration(), wave.name(), null, p));
            } else if (!facts.noticed(DueKind.AUTO_ADVANCE_HELD.label() + ":" + wave.name() + ":" + due)) {
                // said once per hold: the job keeps looking every 30s and moves the wave once all is green
                send(firing.withKey(firing.key() + "/held"), "auto_advance held", p -> new PostNoticeCommand(
                        firing.migration(), wave.name(), DueKind.AUTO_ADVANCE_HELD, "auto_advance keeps "
                        + wave.name() + " at " + PhaseWords.at(wave.phase(), wave.weight()) + ": "
                        + String.join("; ", held) + "; it moves " + wave.name() + " to " + next.get()
                        + "% by itself once that is green", due, p));
            }
        }
    }

    private void remind(Firing firing, ScheduleFacts facts, WaveFacts wave) {
        List<String> missing = new ArrayList<>();
        for (Owner owner : facts.plan().owners()) {
            if ((owner.role() == Role.APPROVER || owner.role() == Role.LEAD) && !wave.voters().contains(owner.id())) {
                missing.add(owner.name() + " (" + owner.role().label() + ")");
            }
        }
        notice(firing, wave.name(), "go/no-go for " + wave.name() + " has not passed and the window opens at "
                + Moments.when(firing.due(), firing.scheduled(), zone(facts)) + ", "
                + Moments.fromNow(firing.scheduled(), firing.due()) + "; not voted yet: "
                + (missing.isEmpty() ? "nobody named in the plan" : String.join(", ", missing)));
    }

    private void freshRun(Firing firing, ScheduleFacts facts, WaveFacts wave) {
        List<String> gated = facts.plan().gates().stream().filter(g -> g.guards(Phase.CUTOVER, wave.name()))
                .flatMap(g -> g.validations().stream()).distinct().filter(v -> !wave.runs(v)).toList();
        if (gated.isEmpty()) {
            return;
        }
        String runId = RunIds.next(clock, Scheduling.ACTOR.id(), firing.key());
        send(firing, "fresh evidence before the window at " + Moments.when(firing.due(), firing.scheduled(),
                zone(facts)), p -> new RequestValidationRunCommand(firing.migration(), wave.name(), runId, gated, p));
    }

    private void notice(Firing firing, String wave, String text) {
        Instant due = firing.due() == null ? firing.scheduled() : firing.due();
        send(firing.withKey(firing.key() + (wave == null ? "" : "/" + wave)), firing.kind().label(),
                p -> new PostNoticeCommand(firing.migration(), wave, firing.kind(), text, due, p));
    }

    private void send(Firing firing, String reason,
                      java.util.function.Function<dev.dimmer.api.actor.Provenance,
                              ? extends dev.dimmer.api.migration.MigrationCommand> command) {
        Caller caller = Scheduling.caller(firing.key());
        Outcome<Object> outcome = dispatch.sendAt(caller, reason, firing.scheduled(), command);
        if (outcome instanceof Outcome.Refused<Object> refused) {
            LOG.info("{} of {} refused: {}", firing.kind().label(), firing.migration(),
                    refused.refusal().getMessage());
        } else if (outcome instanceof Outcome.Unknown<Object> unknown) {
            // the queued firing is sent again under the same key: a duplicate if this one got through
            throw new IllegalStateException(firing.kind().label() + " of " + firing.migration()
                    + ": outcome unknown (" + unknown.detail() + ")");
        } else if (outcome instanceof Outcome.Done<Object>) {
            log.accepted(firing);
        }
    }

    private static WavePlan plan(ScheduleFacts facts, WaveFacts wave) {
        return facts.plan().wave(wave.name()).orElseThrow();
    }

    private static ZoneId zone(ScheduleFacts facts) {
        return Moments.zone(facts.plan());
    }

    static Optional<Instant> nextWindow(MigrationPlan plan, Instant after) {
        return new CutoverCalendar(plan.windows()).nextOpening(after).map(java.time.ZonedDateTime::toInstant);
    }
}
