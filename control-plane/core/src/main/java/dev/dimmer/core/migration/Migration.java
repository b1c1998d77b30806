package dev.dimmer.core.migration;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.GateChecklistView;
import dev.dimmer.api.evidence.GoNoGoVoidedEvent;
import dev.dimmer.api.evidence.RecordValidationResultCommand;
import dev.dimmer.api.evidence.RequestValidationRunCommand;
import dev.dimmer.api.evidence.ResultRecorded;
import dev.dimmer.api.evidence.ValidationResultEvent;
import dev.dimmer.api.evidence.ValidationRunAccepted;
import dev.dimmer.api.evidence.ValidationRunCompletedEvent;
import dev.dimmer.api.evidence.ValidationRunRequestedEvent;
import dev.dimmer.api.migration.AbortMigrationCommand;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.CanaryWeightRaisedEvent;
import dev.dimmer.api.migration.CastVoteCommand;
import dev.dimmer.api.migration.CutoverStartedEvent;
import dev.dimmer.api.migration.GoNoGoOpenedEvent;
import dev.dimmer.api.migration.GoNoGoState;
import dev.dimmer.api.migration.KillSwitchCommand;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.OpenGoNoGoCommand;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PlanApplied;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.RecordRefusalCommand;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.migration.SwitchKilledEvent;
import dev.dimmer.api.migration.Vote;
import dev.dimmer.api.migration.VoteCastEvent;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.migration.WaveCommand;
import dev.dimmer.api.migration.WaveEvent;
import dev.dimmer.api.migration.WaveRolledBackEvent;
import dev.dimmer.api.migration.WaveState;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.api.rollback.RecordDryRunCommand;
import dev.dimmer.api.rollback.RecordRehearsalCommand;
import dev.dimmer.api.rollback.ReportRunbookStepCommand;
import dev.dimmer.api.rollback.RetryRunbookCommand;
import dev.dimmer.api.rollback.RollbackRehearsedEvent;
import dev.dimmer.api.rollback.RunPurpose;
import dev.dimmer.api.rollback.RunbookEvent;
import dev.dimmer.api.share.CreateShareLinkCommand;
import dev.dimmer.api.share.RevokeShareLinkCommand;
import dev.dimmer.api.share.ShareLinkCreatedEvent;
import dev.dimmer.api.share.ShareLinkRevokedEvent;
import dev.dimmer.api.schedule.PostNoticeCommand;
import dev.dimmer.api.schedule.ScheduledNoticeEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A migration and its waves. Command handlers decide (check, then apply an event); event sourcing handlers only
 * assign fields. Time comes from the command's provenance, never from a clock.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Migration {
    @AggregateIdentifier
    private String id;
    private MigrationPlan plan;
    private Map<String, Wave> waves = new LinkedHashMap<>();
    private Instant abortedAt;
    private Evidence evidence = new Evidence();
    // waves whose switch was killed and has not moved forward since; a snapshot without it has none
    private TreeSet<String> killedSwitches = new TreeSet<>();
    private Runbooks runbooks = new Runbooks();
    // a snapshot taken before share links existed has none
    private ShareLinks shareLinks = new ShareLinks();
    // the scheduler's notices given (kind:wave:due), so that each is given once; a snapshot without it has none
    private TreeSet<String> noticed = new TreeSet<>();

    // Required by Axon to build an empty instance before replaying events, and by Jackson to read snapshots
    protected Migration() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PlanApplied handle(ApplyPlanCommand command) {
        Instant at = command.provenance().at();
        if (!command.plan().slug().equals(command.migrationId())) {
            throw Refusals.invalid("the plan's slug '%s' does not match migration '%s'",
                    command.plan().slug(), command.migrationId());
        }
        if (id == null) {
            apply(new MigrationRegisteredEvent(command.migrationId(), command.plan(), at));
            return new PlanApplied(command.migrationId(), PlanApplied.Outcome.REGISTERED, List.of());
        }
        requireActive();
        List<String> changes = PlanRevision.changes(plan, command.plan(), waves);
        if (changes.isEmpty()) {
            return new PlanApplied(id, PlanApplied.Outcome.UNCHANGED, List.of());
        }
        apply(new PlanRevisedEvent(id, command.plan(), changes, at));
        return new PlanApplied(id, PlanApplied.Outcome.REVISED, changes);
    }

    @CommandHandler
    public WaveState handle(AdvanceWaveCommand command) {
        Wave wave = activeWave(command);
        runbooks.requireNoRollbackRunning(wave.name(), "advance");
        Instant at = command.provenance().at();
        WaveMove move = move(wave, command.weight(), at).overriding(command.overrides());
        String reason = command.provenance().reason();
        if (command.provenance().channel() == Channel.SCHEDULER
                && (wave.phase() == Phase.SHADOW || wave.phase() == Phase.CANARY)) {
            TransitionRules.AUTO_ADVANCE.enforce(move);
        }
        switch (wave.phase()) {
            case SHADOW -> {
                WaveMove entry = move.withWeight(command.weight() == null ? wave.firstCanaryStep() : command.weight());
                TransitionRules.ENTER_CANARY.enforce(entry);
                TimeRule.overridden(entry, TransitionRules.ENTER_CANARY_TIME, reason).forEach(e -> apply(e));
                apply(new WaveAdvancedEvent(id, wave.name(), Phase.SHADOW, Phase.CANARY, entry.weight(), at));
            }
            case CANARY -> {
                if (command.weight() == null) {
                    TransitionRules.NEXT_CANARY_STEP.enforce(move);
                }
                WaveMove raise = command.weight() == null ? move.withWeight(wave.nextCanaryStep().orElseThrow()) : move;
                TransitionRules.RAISE_CANARY.enforce(raise);
                TimeRule.overridden(raise, TransitionRules.RAISE_CANARY_TIME, reason).forEach(e -> apply(e));
                apply(new CanaryWeightRaisedEvent(id, wave.name(), wave.weight(), raise.weight(), at));
            }
            default -> {
                TransitionRules.ADVANCE.enforce(move);
                TimeRule.overridden(move, TransitionRules.ADVANCE_TIME, reason).forEach(e -> apply(e));
                Phase next = wave.phase().next().orElseThrow();
                apply(new WaveAdvancedEvent(id, wave.name(), wave.phase(), next, next.fixedWeight(), at));
            }
        }
        return state(wave);
    }

    @CommandHandler
    public WaveState handle(StartCutoverCommand command) {
        Wave wave = activeWave(command);
        runbooks.requireNoRollbackRunning(wave.name(), "cut over");
        WaveMove move = move(wave, null, command.provenance().at()).overriding(command.overrides());
        TransitionRules.CUTOVER.enforce(move);
        TimeRule.overridden(move, TransitionRules.CUTOVER_TIME, command.provenance().reason()).forEach(e -> apply(e));
        apply(new CutoverStartedEvent(id, wave.name(), wave.weight(), command.provenance().at()));
        startRunbook(wave, RunPurpose.CUTOVER, plan.cutover().actionsFor(wave.name()), command.provenance().at());
        return state(wave);
    }

    @CommandHandler
    public WaveState handle(RollBackWaveCommand command) {
        Wave wave = activeWave(command);
        TransitionRules.ROLLBACK.enforce(move(wave, null, command.provenance().at()));
        apply(new WaveRolledBackEvent(id, wave.name(), wave.phase(), wave.weight(), command.provenance().at()));
        startRunbook(wave, RunPurpose.ROLLBACK, plan.rollback().actionsFor(wave.name()), command.provenance().at());
        return state(wave);
    }

    @CommandHandler
    public GoNoGoState handle(OpenGoNoGoCommand command) {
        Wave wave = activeWave(command);
        Instant at = command.provenance().at();
        TransitionRules.OPEN_GO_NO_GO.enforce(move(wave, null, at));
        Phase decides = GoNoGoPolicy.nextDecision(plan, wave).orElseThrow();
        GoNoGo opened = new GoNoGo(at, GoNoGoPolicy.quorum(plan, wave.name(), decides),
                GoNoGoPolicy.expiry(plan, wave.name(), decides), Map.of(), decides);
        apply(new GoNoGoOpenedEvent(id, wave.name(), opened.quorum(), opened.expiry(), at, decides));
        return opened.state(id, wave.name(), at);
    }

    @CommandHandler
    public GoNoGoState handle(CastVoteCommand command) {
        requireActive();
        Wave wave = knownWave(command.wave());
        GoNoGo open = GoNoGoPolicy.requireUndecided(id, wave);
        if (command.vote() == null) {
            throw Refusals.invalid("a vote is approve or reject");
        }
        String comment = command.comment() == null ? "" : command.comment().strip();
        if (command.vote() == Vote.REJECT && comment.isBlank()) {
            throw Refusals.invalid("a rejection needs a reason; say what must change before " + open.before().label());
        }
        var voter = command.provenance().actor();
        var roles = voter.roles().stream().sorted().toList();
        Instant at = command.provenance().at();
        GoNoGo after = open.with(voter.id(), new Ballot(voter.name(), roles, command.vote(), comment, at));
        boolean passed = after.passedAt(at);
        apply(new VoteCastEvent(id, wave.name(), voter.id(), voter.name(), roles, command.vote(), comment,
                (int) after.count(Vote.APPROVE, at), (int) after.count(Vote.REJECT, at), passed, at,
                EvidencePolicy.seen(plan, evidence, wave.name())));
        return after.state(id, wave.name(), at);
    }

    @CommandHandler
    public ValidationRunAccepted handle(RequestValidationRunCommand command) {
        requireActive();
        Wave wave = knownWave(command.wave());
        Instant at = command.provenance().at();
        if (evidence.known(command.runId())) {
            List<String> asked = evidence.open(command.runId()).map(Evidence.OpenRun::validations).orElse(List.of());
            return new ValidationRunAccepted(id, wave.name(), command.runId(), asked);
        }
        List<String> validations = ValidationRuns.chosen(plan, id, wave.name(), command.only());
        apply(new ValidationRunRequestedEvent(id, wave.name(), command.runId(), validations, at));
        if (validations.isEmpty()) {
            apply(new ValidationRunCompletedEvent(id, wave.name(), command.runId(), 0, 0, 0, 0, at));
        }
        return new ValidationRunAccepted(id, wave.name(), command.runId(), validations);
    }

    @CommandHandler
    public ResultRecorded handle(RecordValidationResultCommand command) {
        Wave wave = knownWave(command.wave());
        Instant at = command.provenance().at();
        CheckResult result = ValidationRuns.requireResult(command);
        Evidence.OpenRun run = ValidationRuns.openRun(id, evidence, command);
        if (run == null || run.recorded().contains(result.validation())) {
            return new ResultRecorded(command.runId(), result.validation(), false, false, run == null);
        }
        apply(ValidationResultEvent.of(id, wave.name(), command.runId(), result, at));
        GuardPolicy.voided(plan, waves, result).forEach(voided -> apply(new GoNoGoVoidedEvent(id, voided.name(),
                command.runId(), result.validation(), result.status(), result.summary(),
                voided.goNoGo().ballots().size(), at)));
        Evidence.OpenRun after = run.with(result.validation(), result.status());
        if (after.complete()) {
            apply(new ValidationRunCompletedEvent(id, wave.name(), command.runId(), after.passed(), after.failed(),
                    after.errored(), java.time.Duration.between(run.requestedAt(), at).toMillis(), at));
        }
        boolean rolledBack = false;
        if (abortedAt == null) {
            String cause = GuardPolicy.rollbackCause(plan, evidence, wave, command.runId(), result);
            if (cause != null && TransitionRules.ROLLBACK.unmet(move(wave, null, at)).isEmpty()) {
                apply(new WaveRolledBackEvent(id, wave.name(), wave.phase(), wave.weight(), at, cause));
                startRunbook(wave, RunPurpose.ROLLBACK, plan.rollback().actionsFor(wave.name()), at);
                rolledBack = true;
            }
        }
        return new ResultRecorded(command.runId(), result.validation(), true, rolledBack, after.complete());
    }

    @CommandHandler
    public void handle(PostNoticeCommand command) {
        requireActive();
        String wave = command.wave() == null ? null : knownWave(command.wave()).name();
        if (!noticed.contains(command.noticeKey())) {
            apply(new ScheduledNoticeEvent(id, wave, command.kind(), command.text(), command.due(),
                    command.provenance().at()));
        }
    }

    @EventSourcingHandler
    void on(ScheduledNoticeEvent event) {
        noticed.add(event.noticeKey());
    }

    /** What the scheduler derives this migration's jobs from. */
    public ScheduleFacts scheduleFacts() {
        return ScheduleFacts.of(id, plan, waves, evidence, abortedAt, noticed);
    }

    /** The checklist of the wave's next transition as the rules would judge it at {@code at}. */
    public GateChecklistView checklist(String waveName, Instant at) {
        Wave wave = knownWave(waveName);
        return Checklists.of(id, wave, move(wave, null, at));
    }

    /**
     * What keeps the scheduler from moving the wave on by itself (auto_advance) at {@code at}, in words: the next
     * step's unmet conditions and the canary's and cutover's evidence that is not green; empty when it may move.
     */
    public List<String> autoAdvanceHeldBy(String waveName, Instant at) {
        Wave wave = knownWave(waveName);
        WaveMove move = move(wave, null, at);
        java.util.Set<String> held = new java.util.LinkedHashSet<>();
        Checklists.of(id, wave, move).conditions().stream().filter(c -> !c.met())
                .forEach(c -> held.add(c.detail()));
        TransitionRules.AUTO_ADVANCE.unmet(move).forEach(c -> held.add(c.sentence()));
        return List.copyOf(held);
    }

    // the bus hands it to the aggregate directly, after the refused command rolled back; it decides nothing
    @CommandHandler
    public void handle(RecordRefusalCommand command) {
        apply(command.refused());
    }

    @CommandHandler
    public void handle(AbortMigrationCommand command) {
        requireActive();
        Refusals.requireReason(command.provenance(), "abort");
        apply(new MigrationAbortedEvent(id, command.provenance().at()));
    }

    /** What a validation run still has to do; complete (nothing remaining) for a run that is done or unknown. */
    public PendingRun pendingRun(String runId) {
        return evidence.open(runId).map(run -> new PendingRun(plan, run.wave(), run.requestedAt(),
                        run.validations().stream().filter(v -> !run.recorded().contains(v)).toList(), false))
                .orElse(new PendingRun(plan, null, null, List.of(), true));
    }

    /**
     * Forces a wave's switch to source. Killing a switch that is already killed records nothing and answers the
     * same: Slack's /rollback kills first and must not fail on a second press.
     */
    @CommandHandler
    public WaveState handle(KillSwitchCommand command) {
        requireActive();
        Refusals.requireReason(command.provenance(), "killing a switch");
        WavePlan switched = SwitchOwner.waveOf(id, plan, command.routingSwitch());
        Wave wave = waves.get(switched.name());
        if (!killedSwitches.contains(wave.name())) {
            apply(new SwitchKilledEvent(id, wave.name(), command.routingSwitch(), command.provenance().at()));
        }
        return state(wave);
    }

    @CommandHandler
    public void handle(ReportRunbookStepCommand command) {
        activeWave(command);
        runbooks.decideReport(id, command).forEach(event -> apply(event));
    }

    @CommandHandler
    public void handle(RetryRunbookCommand command) {
        Wave wave = activeWave(command);
        runbooks.decideRetry(id, wave.name(), command.provenance().at()).forEach(event -> apply(event));
    }

    @CommandHandler
    public RollbackRehearsedEvent handle(RecordRehearsalCommand command) {
        return rehearsed(activeWave(command), command.dryRun(), command.steps(), command.provenance().at());
    }

    @CommandHandler
    public RollbackRehearsedEvent handle(RecordDryRunCommand command) {
        return rehearsed(activeWave(command), true, command.steps(), command.provenance().at());
    }

    private RollbackRehearsedEvent rehearsed(Wave wave, boolean dryRun, List<dev.dimmer.api.rollback.RehearsedStep> steps,
                                             Instant at) {
        if (steps.isEmpty()) {
            throw Refusals.invalid("wave %s has no rollback step to rehearse; add rollback.actions to the plan",
                    wave.name());
        }
        int planned = plan.rollback().actionsFor(wave.name()).size();
        RollbackRehearsedEvent event = new RollbackRehearsedEvent(id, wave.name(), dryRun,
                RehearsalPolicy.succeeded(steps, planned), steps, RehearsalPolicy.total(steps), at);
        apply(event);
        return event;
    }

    private void startRunbook(Wave wave, RunPurpose purpose, List<dev.dimmer.api.plan.RollbackAction> steps,
                              Instant at) {
        runbooks.decideStart(id, wave.name(), purpose, steps, at).forEach(event -> apply(event));
    }

    /** Opens a read-only share link; an aborted migration may still be shown, so it is not refused here. */
    @CommandHandler
    public ShareLinkCreatedEvent handle(CreateShareLinkCommand command) {
        ShareLinkCreatedEvent event = shareLinks().decideCreate(id, command);
        apply(event);
        return event;
    }

    @CommandHandler
    public ShareLinkRevokedEvent handle(RevokeShareLinkCommand command) {
        ShareLinkRevokedEvent event = shareLinks().decideRevoke(id, command);
        apply(event);
        return event;
    }

    /** The share links of the status page, revoked and expired ones included. */
    public ShareLinks shareLinks() {
        return shareLinks == null ? new ShareLinks() : shareLinks;
    }

    /** The people the current plan names, with the roles it gives them on this migration. */
    public List<Owner> owners() {
        return plan == null ? List.of() : plan.owners();
    }

    /** The current plan; the rollback executor reads connections and steps from it. */
    public MigrationPlan plan() {
        return plan;
    }

    /** The waves' runbooks, for the executor resuming from a snapshot. */
    public Runbooks runbooks() {
        return runbooks;
    }

    @EventSourcingHandler
    void on(MigrationRegisteredEvent event) {
        id = event.migrationId();
        plan = event.plan();
        event.plan().waves().forEach(w -> waves.put(w.name(), new Wave(w)));
        RehearsalPolicy.plan(null, event.plan(), waves, event.at());
    }

    @EventSourcingHandler
    void on(PlanRevisedEvent event) {
        MigrationPlan before = plan;
        plan = event.plan();
        Map<String, Wave> revised = new LinkedHashMap<>();
        for (WavePlan w : event.plan().waves()) {
            Wave wave = waves.getOrDefault(w.name(), new Wave(w));
            wave.revise(w);
            revised.put(w.name(), wave);
        }
        waves = revised;
        RehearsalPolicy.plan(before, event.plan(), waves, event.at());
    }

    @EventSourcingHandler
    void on(RunbookEvent event) {
        runbooks.evolve(event);
    }

    @EventSourcingHandler
    void on(RollbackRehearsedEvent event) {
        Wave wave = waves.get(event.wave());
        if (event.succeeded() && wave != null) {
            wave.rehearse(wave.rehearsal().rehearsed(event.at(), event.totalMillis(), event.dryRun()));
        }
    }

    @EventSourcingHandler
    void on(WaveEvent event) {
        Wave wave = waves.get(event.wave());
        wave.moveTo(event.phase(), event.weight(), event.at());
        SwitchOwner.reviveOnForwardMove(killedSwitches, event);
        // entering the step a go/no-go decides uses it up; a rollback voids it: the next step needs a fresh vote
        GoNoGo open = wave.goNoGo();
        if (event instanceof WaveRolledBackEvent || (open != null && !event.phase().isBefore(open.before()))) {
            wave.decideWith(null);
        }
    }

    @EventSourcingHandler
    void on(SwitchKilledEvent event) {
        killedSwitches.add(event.wave());
    }

    @EventSourcingHandler
    void on(GoNoGoOpenedEvent event) {
        waves.get(event.wave()).decideWith(new GoNoGo(event.at(), event.quorum(), event.expiry(), Map.of(),
                event.before()));
    }

    @EventSourcingHandler
    void on(VoteCastEvent event) {
        Wave wave = waves.get(event.wave());
        wave.decideWith(wave.goNoGo().with(event.voterId(), new Ballot(event.voterName(), event.voterRoles(),
                event.vote(), event.comment(), event.at())));
    }

    @EventSourcingHandler
    void on(ValidationRunRequestedEvent event) {
        evidence.requested(event);
    }

    @EventSourcingHandler
    void on(ValidationResultEvent event) {
        evidence.recorded(event);
    }

    @EventSourcingHandler
    void on(ValidationRunCompletedEvent event) {
        evidence.complete(event.runId());
    }

    @EventSourcingHandler
    void on(GoNoGoVoidedEvent event) {
        Wave wave = waves.get(event.wave());
        GoNoGo open = wave.goNoGo();
        if (open != null) {
            wave.decideWith(new GoNoGo(event.at(), open.quorum(), open.expiry(), Map.of(), open.before()));
        }
    }

    @EventSourcingHandler
    void on(ShareLinkCreatedEvent event) {
        shareLinks = shareLinks();
        shareLinks.evolve(event);
    }

    @EventSourcingHandler
    void on(ShareLinkRevokedEvent event) {
        shareLinks = shareLinks();
        shareLinks.evolve(event);
    }

    @EventSourcingHandler
    void on(MigrationAbortedEvent event) {
        abortedAt = event.at();
    }

    private Wave activeWave(WaveCommand command) {
        requireActive();
        Wave wave = knownWave(command.wave());
        Refusals.requireReason(command.provenance(), "a wave command");
        return wave;
    }

    private Wave knownWave(String name) {
        Wave wave = waves.get(name);
        if (wave == null) {
            throw Refusals.unknownWave(id, name, waves.keySet());
        }
        return wave;
    }

    private void requireActive() {
        if (abortedAt != null) {
            throw Refusals.aborted(id, abortedAt);
        }
    }

    private WaveMove move(Wave wave, Integer weight, Instant at) {
        return new WaveMove(id, wave, waves, weight, at, plan, evidence);
    }

    private WaveState state(Wave wave) {
        return new WaveState(id, wave.name(), wave.phase(), wave.weight());
    }
}
