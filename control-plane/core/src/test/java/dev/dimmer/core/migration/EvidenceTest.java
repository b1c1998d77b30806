package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.BY_LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.ID;
import static dev.dimmer.core.migration.MigrationFixtures.T0;
import static dev.dimmer.core.migration.MigrationFixtures.T1;
import static dev.dimmer.core.migration.MigrationFixtures.passedGoNoGo;
import static dev.dimmer.core.migration.MigrationFixtures.waveAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.actor.Automation;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.evidence.CheckResult;
import dev.dimmer.api.evidence.CheckStatus;
import dev.dimmer.api.evidence.GoNoGoVoidedEvent;
import dev.dimmer.api.evidence.RecordValidationResultCommand;
import dev.dimmer.api.evidence.RequestValidationRunCommand;
import dev.dimmer.api.evidence.ResultRecorded;
import dev.dimmer.api.evidence.ValidationFailedEvent;
import dev.dimmer.api.evidence.ValidationPassedEvent;
import dev.dimmer.api.evidence.ValidationRunAccepted;
import dev.dimmer.api.evidence.ValidationRunCompletedEvent;
import dev.dimmer.api.evidence.ValidationRunRequestedEvent;
import dev.dimmer.api.evidence.ValidationErroredEvent;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.migration.WaveRolledBackEvent;
import dev.dimmer.api.plan.Dataset;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.Inventory;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Percent;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.ValidationPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Evidence on the Migration aggregate: runs, results recorded once, gates on fresh passing results, guards. */
class EvidenceTest {
    private static final String RUN = "run-1";
    private static final Provenance BY_DIMMER = new Provenance(Automation.ACTOR, Channel.AUTOMATION, "run", T1);
    private AggregateTestFixture<Migration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Migration.class);
    }

    /** customers (dataset customers) with a row count and a guarded checksum; gates before canary and cutover. */
    static MigrationPlan plan() {
        MigrationPlan base = MigrationFixtures.customersThenOrders();
        List<ValidationPlan> validations = List.of(
                new ValidationPlan.RowCount("customers-count", "customers", Percent.of("0%"), null, null,
                        PlanDuration.of("15m"), false, null),
                new ValidationPlan.Checksum("customers-checksum", "customers", List.of(), false, Percent.of("0%"),
                        null, null, PlanDuration.of("1h"), true, 2),
                new ValidationPlan.RowCount("orders-count", "orders", Percent.of("0%"), null, null, null, false,
                        null));
        List<Gate> gates = List.of(
                new Gate("canary-entry", Phase.CANARY, List.of("customers"), List.of("customers-count",
                        "customers-checksum"), List.of(), null, false),
                new Gate("go-no-go", Phase.CUTOVER, List.of("customers"), List.of("customers-checksum"), List.of(),
                        null, false, PlanDuration.of("30m")));
        Inventory inventory = new Inventory(List.of(new Dataset("customers", "crm.customer", List.of("id"), null,
                null, null), new Dataset("orders", "crm.orders", List.of("id"), null, null, null)), null, null);
        List<dev.dimmer.api.plan.WavePlan> waves = List.of(
                new dev.dimmer.api.plan.WavePlan("customers", List.of(), List.of(10, 50), null,
                        List.of("customers"), "customers-read", null, null),
                new dev.dimmer.api.plan.WavePlan("orders", List.of("customers"), List.of(10, 50), null,
                        List.of("orders"), "orders-read", null, null));
        return new MigrationPlan(base.slug(), base.title(), base.owners(), waves, null, null, null, inventory, null,
                null, validations, gates, null, null, null, null, null);
    }

    private static List<Object> given(Object... more) {
        List<Object> events = new ArrayList<>();
        events.add(new MigrationRegisteredEvent(ID, plan(), T0));
        events.addAll(List.of(more));
        return events;
    }

    private static List<Object> given(List<Object> first, Object... more) {
        List<Object> events = given(first.toArray());
        events.addAll(List.of(more));
        return events;
    }

    private static ValidationRunRequestedEvent requested(String... validations) {
        return new ValidationRunRequestedEvent(ID, "customers", RUN, List.of(validations), T0);
    }

    private static CheckResult passed(String name) {
        return new CheckResult(name, "row_count", CheckStatus.PASSED, name + ": 10 rows on both sides",
                Map.of("source_rows", 10, "target_rows", 10), Map.of(), 5);
    }

    private static CheckResult failed(String name) {
        return new CheckResult(name, "checksum", CheckStatus.FAILED, name + ": 3 rows differ (1 missing, 0 extra, "
                + "2 changed) of 10", Map.of("missing", 1, "changed", 2), Map.of("changed", List.of(
                Map.of("id", 17), Map.of("id", 42))), 7);
    }

    private static CheckResult errored(String name) {
        return CheckResult.errored(name, "checksum", name + ": errored: connection refused", 3);
    }

    private static ValidationPassedEvent passedEvent(String name, Instant at) {
        CheckResult r = passed(name);
        return new ValidationPassedEvent(ID, "customers", RUN, name, r.kind(), r.summary(), r.figures(),
                r.differences(), r.durationMillis(), at);
    }

    private static Provenance by(Instant at) {
        return new Provenance(Automation.ACTOR, Channel.AUTOMATION, "run", at);
    }

    @Test
    void canRequestARunOfTheWavesValidationsInPlanOrder() {
        fixture.given(given())
                .when(new RequestValidationRunCommand(ID, "customers", RUN, List.of(), BY_LEAD))
                .expectEvents(new ValidationRunRequestedEvent(ID, "customers", RUN,
                        List.of("customers-count", "customers-checksum"), T1))
                .expectResultMessagePayload(new ValidationRunAccepted(ID, "customers", RUN,
                        List.of("customers-count", "customers-checksum")));
    }

    @Test
    void cannotRequestAValidationThePlanDoesNotHave() {
        fixture.given(given())
                .when(new RequestValidationRunCommand(ID, "customers", RUN, List.of("nope"), BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("has no validation nope"));
    }

    @Test
    void shouldAnswerARepeatedRequestWithTheSameRunAndRecordNothing() {
        fixture.given(given(requested("customers-count")))
                .when(new RequestValidationRunCommand(ID, "customers", RUN, List.of(), BY_LEAD))
                .expectNoEvents()
                .expectResultMessagePayload(new ValidationRunAccepted(ID, "customers", RUN,
                        List.of("customers-count")));
    }

    @Test
    void shouldCompleteTheRunWithItsLastResult() {
        fixture.given(given(requested("customers-count")))
                .when(new RecordValidationResultCommand(ID, "customers", RUN, passed("customers-count"), BY_DIMMER))
                .expectEvents(passedEvent("customers-count", T1),
                        new ValidationRunCompletedEvent(ID, "customers", RUN, 1, 0, 0, Duration.ofHours(1)
                                .toMillis(), T1))
                .expectResultMessagePayload(new ResultRecorded(RUN, "customers-count", true, false, true));
    }

    @Test
    void shouldNeverRecordAResultTwice() {
        fixture.given(given(requested("customers-count", "customers-checksum"), passedEvent("customers-count", T0)))
                .when(new RecordValidationResultCommand(ID, "customers", RUN, passed("customers-count"), BY_DIMMER))
                .expectNoEvents()
                .expectResultMessagePayload(new ResultRecorded(RUN, "customers-count", false, false, false));
    }

    @Test
    void cannotEnterCanaryWithoutEvidenceAndNamesEveryMissingCheck() {
        fixture.given(given(waveAt("customers", Phase.SHADOW, 0)))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("customers-count has no result in the last 30m"),
                        org.hamcrest.Matchers.containsString("customers-checksum has no result in the last 2h")));
    }

    @Test
    void cannotEnterCanaryWhileAGatedCheckFailedAndSaysWhatDiffers() {
        ValidationFailedEvent failedEvent = new ValidationFailedEvent(ID, "customers", RUN, "customers-checksum",
                "checksum", failed("customers-checksum").summary(), Map.of(), Map.of(), 7, T1.minusSeconds(720));
        fixture.given(given(waveAt("customers", Phase.SHADOW, 0), requested("customers-count",
                        "customers-checksum"), passedEvent("customers-count", T1.minusSeconds(60)), failedEvent))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("customers-checksum failed 12m ago (3 rows differ (1 missing, 0 extra, "
                        + "2 changed) of 10)");
    }

    private static List<Object> canaryWithRedCutoverEvidence() {
        ValidationFailedEvent failedEvent = new ValidationFailedEvent(ID, "customers", RUN, "customers-checksum",
                "checksum", failed("customers-checksum").summary(), Map.of(), Map.of(), 7, T1.minusSeconds(720));
        return given(waveAt("customers", Phase.CANARY, 10), requested("customers-count", "customers-checksum"),
                passedEvent("customers-count", T1.minusSeconds(60)), failedEvent);
    }

    @Test
    void cannotBeRaisedByTheSchedulerOnRedCutoverEvidence() {
        fixture.given(canaryWithRedCutoverEvidence())
                .when(new AdvanceWaveCommand(ID, "customers", null, new Provenance(
                        dev.dimmer.api.actor.Scheduling.ACTOR, Channel.SCHEDULER, "auto_advance", T1)))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("customers-checksum failed 12m ago (3 rows differ (1 missing, 0 extra, "
                        + "2 changed) of 10)");
    }

    @Test
    void canBeRaisedByALeadOnRedCutoverEvidence() {
        fixture.given(canaryWithRedCutoverEvidence())
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void canEnterCanaryOnFreshPassingEvidence() {
        fixture.given(given(waveAt("customers", Phase.SHADOW, 0), requested("customers-count",
                        "customers-checksum"), passedEvent("customers-count", T1.minusSeconds(60)),
                        passedEvent("customers-checksum", T1.minusSeconds(60))))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotEnterCanaryOnStaleEvidence() {
        fixture.given(given(waveAt("customers", Phase.SHADOW, 0), requested("customers-count",
                        "customers-checksum"), passedEvent("customers-count", T1.minus(Duration.ofMinutes(31))),
                        passedEvent("customers-checksum", T1.minusSeconds(60))))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("customers-count has no result in the last 30m (it last passed 31m ago)");
    }

    @Test
    void shouldRollTheWaveBackWhenAGuardFailsInCanary() {
        fixture.given(given(waveAt("customers", Phase.CANARY, 10), requested("customers-checksum")))
                .when(new RecordValidationResultCommand(ID, "customers", RUN, failed("customers-checksum"),
                        BY_DIMMER))
                .expectEvents(new ValidationFailedEvent(ID, "customers", RUN, "customers-checksum", "checksum",
                                failed("customers-checksum").summary(), failed("customers-checksum").figures(),
                                failed("customers-checksum").differences(), 7, T1),
                        new ValidationRunCompletedEvent(ID, "customers", RUN, 0, 1, 0, Duration.ofHours(1).toMillis(),
                                T1),
                        new WaveRolledBackEvent(ID, "customers", Phase.CANARY, 10, T1,
                                "guard customers-checksum failed in run run-1: customers-checksum: 3 rows differ "
                                        + "(1 missing, 0 extra, 2 changed) of 10"))
                .expectResultMessagePayload(new ResultRecorded(RUN, "customers-checksum", true, true, true));
    }

    @Test
    void shouldNotRollBackOnAGuardFailingInShadow() {
        fixture.given(given(waveAt("customers", Phase.SHADOW, 0), requested("customers-checksum")))
                .when(new RecordValidationResultCommand(ID, "customers", RUN, failed("customers-checksum"),
                        BY_DIMMER))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(ValidationFailedEvent.class)),
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.instanceOf(ValidationRunCompletedEvent.class))));
    }

    @Test
    void shouldRollBackOnlyAfterThePlansNumberOfErrorsInARow() {
        ValidationErroredEvent first = new ValidationErroredEvent(ID, "customers", "run-0", "customers-checksum",
                "checksum", "customers-checksum: errored: connection refused", Map.of(), Map.of(), 3, T0);
        fixture.given(given(waveAt("customers", Phase.CANARY, 10),
                        new ValidationRunRequestedEvent(ID, "customers", "run-0", List.of("customers-checksum"), T0),
                        first, requested("customers-checksum")))
                .when(new RecordValidationResultCommand(ID, "customers", RUN, errored("customers-checksum"),
                        BY_DIMMER))
                .expectResultMessagePayload(new ResultRecorded(RUN, "customers-checksum", true, true, true));
    }

    @Test
    void shouldVoidTheBallotsOfAGoNoGoWhenAGatedCheckFails() {
        List<Object> history = new ArrayList<>(waveAt("customers", Phase.CANARY, 50));
        history.addAll(passedGoNoGo("customers"));
        history.add(requested("customers-checksum"));
        fixture.given(given(history))
                .when(new RecordValidationResultCommand(ID, "customers", RUN, failed("customers-checksum"),
                        by(T1)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(
                                org.hamcrest.Matchers.equalTo(new GoNoGoVoidedEvent(ID, "customers", RUN,
                                        "customers-checksum", CheckStatus.FAILED,
                                        failed("customers-checksum").summary(), 2, T1)))));
    }

    @Test
    void cannotCutOverOnAVoteWhoseEvidenceFailedSinceAndNamesBoth() {
        List<Object> history = new ArrayList<>(waveAt("customers", Phase.CANARY, 50));
        history.addAll(passedGoNoGo("customers"));
        history.add(requested("customers-checksum"));
        history.add(new ValidationFailedEvent(ID, "customers", RUN, "customers-checksum", "checksum",
                failed("customers-checksum").summary(), Map.of(), Map.of(), 7, T0));
        history.add(new GoNoGoVoidedEvent(ID, "customers", RUN, "customers-checksum", CheckStatus.FAILED,
                failed("customers-checksum").summary(), 2, T0));
        fixture.given(given(history))
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("it has 0 of 2 approvals"),
                        org.hamcrest.Matchers.containsString("customers-checksum failed 1h ago")));
    }

    @Test
    void shouldListTheChecklistOfTheNextStepWithMetAndUnmetConditions() {
        Migration migration = new Migration();
        migration.on(new MigrationRegisteredEvent(ID, plan(), T0));
        for (Object event : waveAt("customers", Phase.SHADOW, 0)) {
            migration.on((dev.dimmer.api.migration.WaveEvent) event);
        }
        migration.on(requested("customers-count"));
        migration.on(passedEvent("customers-count", T0));
        var checklist = migration.checklist("customers", T0.plusSeconds(120));
        assertThat(checklist.transition()).isEqualTo("canary at 10%");
        assertThat(checklist.open()).isFalse();
        assertThat(checklist.conditions()).extracting(c -> c.name() + ":" + c.met())
                .containsExactly("customers-count:true", "customers-checksum:false");
        assertThat(checklist.conditions().get(0).detail()).isEqualTo("customers-count passed 2m ago (10 rows on "
                + "both sides)");
    }
}
