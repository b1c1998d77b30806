package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.BY_LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.ID;
import static dev.dimmer.core.migration.MigrationFixtures.T0;
import static dev.dimmer.core.migration.MigrationFixtures.T1;
import static dev.dimmer.core.migration.MigrationFixtures.passedGoNoGo;
import static dev.dimmer.core.migration.MigrationFixtures.waveAt;

import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.CutoverStartedEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.migration.WaveRolledBackEvent;
import dev.dimmer.api.plan.CutoverPlan;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.RollbackAction;
import dev.dimmer.api.plan.RollbackPlan;
import dev.dimmer.api.actor.Automation;
import dev.dimmer.api.rollback.RecordRehearsalCommand;
import dev.dimmer.api.rollback.RehearsedStep;
import dev.dimmer.api.rollback.ReportRunbookStepCommand;
import dev.dimmer.api.rollback.RetryRunbookCommand;
import dev.dimmer.api.rollback.RollbackRehearsedEvent;
import dev.dimmer.api.rollback.RunPurpose;
import dev.dimmer.api.rollback.RunbookCompletedEvent;
import dev.dimmer.api.rollback.RunbookRetriedEvent;
import dev.dimmer.api.rollback.RunbookStalledEvent;
import dev.dimmer.api.rollback.RunbookStartedEvent;
import dev.dimmer.api.rollback.RunbookStepFailedEvent;
import dev.dimmer.api.rollback.RunbookStepStartedEvent;
import dev.dimmer.api.rollback.RunbookStepSucceededEvent;
import dev.dimmer.api.rollback.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A wave's rollback runbook and its measured rehearsal, as the aggregate decides them. */
class RunbookTest {
    private static final Instant T2 = T1.plusMillis(1500);
    private static final RollbackAction FLIP = new RollbackAction.Switch("send reads back", "customers-read-path",
            "source", PlanDuration.of("1s"), List.of());
    private static final RollbackAction VIEW = new RollbackAction.Sql("swap the view back", "target",
            "CREATE OR REPLACE VIEW customers_read AS SELECT * FROM legacy_customers", PlanDuration.of("1s"),
            List.of());
    private static final RollbackAction HOOK = new RollbackAction.Webhook("tell the deploy service", "POST",
            "https://deploy.internal/hook", PlanDuration.of("1s"), List.of());
    private static final List<RollbackAction> STEPS = List.of(FLIP, VIEW, HOOK);
    private AggregateTestFixture<Migration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Migration.class);
    }

    static MigrationPlan plan(boolean rehearsalGate, String maxDuration, List<RollbackAction> steps) {
        MigrationPlan base = MigrationFixtures.customersThenOrders();
        List<Gate> gates = rehearsalGate ? List.of(new Gate("cutover", Phase.CUTOVER, List.of(), List.of(), List.of(),
                null, true)) : List.of();
        return new MigrationPlan(base.slug(), base.title(), base.owners(), base.waves(), null, null, null, null,
                null, null, null, gates, null, new RollbackPlan(null, null, null, steps,
                PlanDuration.of(maxDuration)), null, null, null, null,
                new CutoverPlan(List.of(new RollbackAction.Notify("say so", "customers are on the target", null,
                        List.of("customers")))), null);
    }

    private static List<Object> history(MigrationPlan plan, Object... more) {
        List<Object> events = new ArrayList<>();
        events.add(new MigrationRegisteredEvent(ID, plan, T0));
        events.addAll(waveAt("customers", Phase.CANARY, 50));
        events.addAll(List.of(more));
        return events;
    }

    private static List<Object> rolledBack(Object... more) {
        List<Object> events = history(plan(false, null, STEPS), new WaveRolledBackEvent(ID, "customers",
                Phase.CANARY, 50, T0), new RunbookStartedEvent(ID, "customers", RunPurpose.ROLLBACK, 1, STEPS, T0));
        events.addAll(List.of(more));
        return events;
    }

    private static ReportRunbookStepCommand report(int step, StepOutcome outcome, long millis, String detail,
                                                   Instant at) {
        return new ReportRunbookStepCommand(ID, "customers", 1, step, outcome, millis, detail,
                new Provenance(Automation.ACTOR, Channel.AUTOMATION, "runbook step", at));
    }

    private static Object started(int step, RollbackAction action) {
        return new RunbookStepStartedEvent(ID, "customers", RunPurpose.ROLLBACK, 1, step, action.kind(),
                action.description(), T0);
    }

    private static Object succeeded(int step, RollbackAction action) {
        return new RunbookStepSucceededEvent(ID, "customers", RunPurpose.ROLLBACK, 1, step, action.kind(), 5, "ok",
                T0);
    }

    @Test
    void shouldStartTheWavesRunbookWithTheRollback() {
        fixture.given(history(plan(false, null, STEPS)))
                .when(new RollBackWaveCommand(ID, "customers", BY_LEAD))
                .expectEvents(new WaveRolledBackEvent(ID, "customers", Phase.CANARY, 50, T1),
                        new RunbookStartedEvent(ID, "customers", RunPurpose.ROLLBACK, 1, STEPS, T1));
    }

    @Test
    void cannotAdvanceAWaveWhileItsRollbackRunbookRuns() {
        // the runbook's steps would land after the move: reads sent back to the source while the wave is in canary
        fixture.given(rolledBack(started(0, FLIP), succeeded(0, FLIP)))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectNoEvents()
                .expectExceptionMessage("wave customers is still rolling back: runbook 1 is at step 2 of 3; advance "
                        + "it once the runbook completes (the wave's status shows it)");
    }

    @Test
    void canAdvanceAWaveAgainOnceItsRollbackRunbookCompleted() {
        fixture.given(rolledBack(started(0, FLIP), succeeded(0, FLIP), started(1, VIEW), succeeded(1, VIEW),
                        started(2, HOOK), succeeded(2, HOOK),
                        new RunbookCompletedEvent(ID, "customers", RunPurpose.ROLLBACK, 1, 3, 1500, T0)))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectEvents(new WaveAdvancedEvent(ID, "customers", Phase.SHADOW, Phase.CANARY, 10, T1));
    }

    @Test
    void canAdvanceAWaveWhoseRollbackRunbookStalled() {
        // a stalled runbook runs nothing until its lead retries it: the lead has been told, and decides
        fixture.given(rolledBack(started(0, FLIP), new RunbookStepFailedEvent(ID, "customers", RunPurpose.ROLLBACK,
                        1, 0, FLIP.kind(), 5, "unreachable", T0), new RunbookStalledEvent(ID, "customers",
                        RunPurpose.ROLLBACK, 1, 0, "unreachable", T0)))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectEvents(new WaveAdvancedEvent(ID, "customers", Phase.SHADOW, Phase.CANARY, 10, T1));
    }

    @Test
    void shouldStartNoRunbookForAWaveWithoutSteps() {
        fixture.given(history(plan(false, null, List.of())))
                .when(new RollBackWaveCommand(ID, "customers", BY_LEAD))
                .expectEvents(new WaveRolledBackEvent(ID, "customers", Phase.CANARY, 50, T1));
    }

    @Test
    void shouldCompleteWithTheTotalFromTheRollbackCommandWhenTheLastStepSucceeds() {
        fixture.given(rolledBack(started(0, FLIP), succeeded(0, FLIP), started(1, VIEW), succeeded(1, VIEW),
                        started(2, HOOK)))
                .when(report(2, StepOutcome.SUCCEEDED, 40, "HTTP 200", T0.plusMillis(900)))
                .expectEvents(new RunbookStepSucceededEvent(ID, "customers", RunPurpose.ROLLBACK, 1, 2, "http", 40,
                                "HTTP 200", T0.plusMillis(900)),
                        new RunbookCompletedEvent(ID, "customers", RunPurpose.ROLLBACK, 1, 3, 900,
                                T0.plusMillis(900)));
    }

    @Test
    void cannotReportAStepThatSucceededAgain() {
        fixture.given(rolledBack(started(0, FLIP), succeeded(0, FLIP)))
                .when(report(0, StepOutcome.STARTED, 0, "", T1))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("runbook 1 of wave customers is at step 2, not 1");
    }

    @Test
    void shouldStallOnAFailedStepAndResumeThereOnRetry() {
        fixture.given(rolledBack(started(0, FLIP), succeeded(0, FLIP), started(1, VIEW)))
                .when(report(1, StepOutcome.FAILED, 30, "SQL on target failed: relation missing", T1))
                .expectEvents(new RunbookStepFailedEvent(ID, "customers", RunPurpose.ROLLBACK, 1, 1, "sql", 30,
                                "SQL on target failed: relation missing", T1),
                        new RunbookStalledEvent(ID, "customers", RunPurpose.ROLLBACK, 1, 1,
                                "SQL on target failed: relation missing", T1));
        fixture.given(rolledBack(started(0, FLIP), succeeded(0, FLIP), started(1, VIEW),
                        new RunbookStepFailedEvent(ID, "customers", RunPurpose.ROLLBACK, 1, 1, "sql", 30, "x", T0),
                        new RunbookStalledEvent(ID, "customers", RunPurpose.ROLLBACK, 1, 1, "x", T0)))
                .when(new RetryRunbookCommand(ID, "customers", BY_LEAD))
                .expectEvents(new RunbookRetriedEvent(ID, "customers", RunPurpose.ROLLBACK, 1, 1, T1));
    }

    @Test
    void cannotRetryARunbookThatIsNotStalled() {
        fixture.given(rolledBack(started(0, FLIP)))
                .when(new RetryRunbookCommand(ID, "customers", BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("wave customers has no stalled runbook to retry (runbook 1 is running)");
    }

    @Test
    void shouldRunTheCutoverActionsOnCutover() {
        MigrationPlan plan = plan(false, null, STEPS);
        List<Object> history = history(plan);
        history.addAll(passedGoNoGo("customers"));
        fixture.given(history)
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectEvents(new CutoverStartedEvent(ID, "customers", 50, T1),
                        new RunbookStartedEvent(ID, "customers", RunPurpose.CUTOVER, 1,
                                plan.cutover().actions(), T1));
    }

    private static RecordRehearsalCommand rehearsal(long millisPerStep, Instant at) {
        List<RehearsedStep> steps = List.of(new RehearsedStep(0, "switch", "send reads back", true, 0, "flip"),
                new RehearsedStep(1, "sql", "swap the view back", true, millisPerStep, "0 rows"),
                new RehearsedStep(2, "http", "tell the deploy service", true, millisPerStep, "HTTP 200"));
        return new RecordRehearsalCommand(ID, "customers", true, steps, new Provenance(MigrationFixtures.LEAD,
                Channel.CLI, "rehearsal", at));
    }

    private List<Object> gated(String maxDuration, Object... more) {
        List<Object> history = history(plan(true, maxDuration, STEPS));
        history.addAll(passedGoNoGo("customers"));
        history.addAll(List.of(more));
        return history;
    }

    private static RollbackRehearsedEvent rehearsed(long total, Instant at) {
        return new RollbackRehearsedEvent(ID, "customers", true, true, rehearsal(total / 2, at).steps(), total, at);
    }

    @Test
    void canRecordAMeasuredRehearsal() {
        fixture.given(gated(null))
                .when(rehearsal(20, T1))
                .expectEvents(rehearsed(40, T1));
    }

    @Test
    void cannotCutOverWithoutAMeasuredRehearsalWhenTheGateAsksForOne() {
        fixture.given(gated(null))
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("wave customers's rollback has no measured rehearsal; run dimmer rehearse "
                        + ID + " customers (or --dry-run) and try again");
    }

    @Test
    void canCutOverAfterAFreshQuickRehearsal() {
        fixture.given(gated(null, rehearsed(40, T0.plusSeconds(1))))
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotCutOverWhenTheRollbackSectionChangedAfterTheRehearsal() {
        MigrationPlan revised = plan(true, "4m", STEPS);
        fixture.given(gated(null, rehearsed(40, T0.plusSeconds(1)),
                        new PlanRevisedEvent(ID, revised, List.of("rollback.max_duration added"), T0.plusSeconds(2))))
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("wave customers's last rehearsal (" + T0.plusSeconds(1) + ") is older than "
                        + "the plan revision of " + T0.plusSeconds(2) + " that changed the rollback section; run "
                        + "dimmer rehearse " + ID + " customers (or --dry-run) and try again");
    }

    @Test
    void cannotCutOverWhenTheRehearsalTookLongerThanTheMaxDuration() {
        fixture.given(gated("1s", rehearsed(Duration.ofSeconds(3).toMillis(), T0.plusSeconds(1))))
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("wave customers's last rehearsal took 3s; rollback.max_duration is 1s "
                        + "(make the steps faster or raise max_duration)");
    }

    @Test
    void shouldNameTheRehearsalAmongTheUnmetConditionsOfACutover() {
        fixture.given(history(plan(true, null, STEPS)))
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("has no open go/no-go"),
                        org.hamcrest.Matchers.containsString("has no measured rehearsal")));
    }
}
