package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.BY_LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.ID;
import static dev.dimmer.core.migration.MigrationFixtures.T0;
import static dev.dimmer.core.migration.MigrationFixtures.WITHOUT_REASON;
import static dev.dimmer.core.migration.MigrationFixtures.registered;
import static dev.dimmer.core.migration.MigrationFixtures.registeredWith;
import static dev.dimmer.core.migration.MigrationFixtures.waveAt;

import dev.dimmer.api.migration.AbortMigrationCommand;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.plan.MigrationPlan;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationRejectionTest {
    private AggregateTestFixture<Migration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Migration.class);
    }

    private static void refused(ResultValidator<Migration> result, RejectionCode code, String message) {
        result.expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage(message);
        result.expectException(new org.hamcrest.TypeSafeMatcher<Throwable>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof CommandRejectedException r && r.code() == code;
            }

            @Override
            public void describeTo(org.hamcrest.Description d) {
                d.appendText("rejection " + code);
            }
        });
    }

    @Test
    void cannotCutOverFromShadow() {
        refused(fixture.given(registeredWith(waveAt("customers", Phase.SHADOW, 0)))
                        .when(new StartCutoverCommand(ID, "customers", BY_LEAD)),
                RejectionCode.ILLEGAL_TRANSITION, "wave customers is in SHADOW; cutover needs CANARY");
    }

    @Test
    void cannotCutOverBeforeTheLastCanaryStep() {
        refused(fixture.given(registeredWith(waveAt("customers", Phase.CANARY, 10)))
                        .when(new StartCutoverCommand(ID, "customers", BY_LEAD)),
                RejectionCode.ILLEGAL_TRANSITION, "cutover of wave customers refused: wave customers is at canary "
                        + "10%; the plan's canary steps reach 50% before cutover; wave customers has no open go/no-go; "
                        + "a lead opens one with /gonogo crm-to-managed-pg customers or dimmer gonogo "
                        + "crm-to-managed-pg customers");
    }

    @Test
    void cannotCutOverNamingEveryUnmetConditionAtOnce() {
        List<Object> history = registeredWith(waveAt("customers", Phase.CANARY, 10));
        history.addAll(waveAt("orders", Phase.CANARY, 10));
        fixture.given(history).when(new StartCutoverCommand(ID, "orders", BY_LEAD))
                .expectNoEvents()
                .expectException(new org.hamcrest.TypeSafeMatcher<Throwable>() {
                    @Override
                    protected boolean matchesSafely(Throwable t) {
                        return t instanceof CommandRejectedException r && r.unmet().stream()
                                .map(u -> u.code()).toList().equals(List.of(RejectionCode.ILLEGAL_TRANSITION,
                                        RejectionCode.DEPENDENCY_NOT_READY, RejectionCode.GO_NO_GO_NOT_PASSED));
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description d) {
                        d.appendText("a refusal naming the weight, the dependency and the go/no-go, in that order");
                    }
                });
    }

    @Test
    void cannotCutOverWhileADependencyIsBeforeStabilization() {
        List<Object> history = registeredWith(waveAt("customers", Phase.CANARY, 50));
        history.addAll(waveAt("orders", Phase.CANARY, 50));
        refused(fixture.given(history).when(new StartCutoverCommand(ID, "orders", BY_LEAD)),
                RejectionCode.DEPENDENCY_NOT_READY, "cutover of wave orders refused: wave orders depends on customers, "
                        + "which is in CANARY at 50%; cutover needs customers in STABILIZATION or later; wave orders has "
                        + "no open go/no-go; a lead opens one with /gonogo crm-to-managed-pg orders or dimmer gonogo "
                        + "crm-to-managed-pg orders");
    }

    @Test
    void cannotAdvanceFromCanaryAtTheLastStep() {
        refused(fixture.given(registeredWith(waveAt("customers", Phase.CANARY, 50)))
                        .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD)),
                RejectionCode.ILLEGAL_TRANSITION,
                "wave customers is at its last canary step (50%); the next step is cutover");
    }

    @Test
    void cannotLowerTheCanaryWeight() {
        refused(fixture.given(registeredWith(waveAt("customers", Phase.CANARY, 50)))
                        .when(new AdvanceWaveCommand(ID, "customers", 20, BY_LEAD)),
                RejectionCode.INVALID_COMMAND,
                "wave customers is at canary 50%; the weight only grows (asked 20%); roll back to go down");
    }

    @Test
    void cannotSkipACanaryStep() {
        refused(fixture.given(registeredWith(waveAt("customers", Phase.CANARY, 10)))
                        .when(new AdvanceWaveCommand(ID, "customers", 75, BY_LEAD)),
                RejectionCode.INVALID_COMMAND,
                "wave customers is at canary 10%; the next step is 50%, so 75% would skip it");
    }

    @Test
    void cannotEnterCanaryAboveTheFirstStep() {
        refused(fixture.given(registeredWith(waveAt("customers", Phase.SHADOW, 0)))
                        .when(new AdvanceWaveCommand(ID, "customers", 40, BY_LEAD)),
                RejectionCode.INVALID_COMMAND, "wave customers enters CANARY at 1..10% (its first canary step), not 40%");
    }

    @Test
    void cannotGiveAWeightOutsideCanary() {
        refused(fixture.given(registered()).when(new AdvanceWaveCommand(ID, "customers", 10, BY_LEAD)),
                RejectionCode.INVALID_COMMAND,
                "wave customers is in PLANNED; a weight applies only when entering or within CANARY");
    }

    @Test
    void cannotAdvancePastDecommissioned() {
        refused(fixture.given(registeredWith(waveAt("customers", Phase.DECOMMISSIONED, 0)))
                        .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD)),
                RejectionCode.ILLEGAL_TRANSITION, "wave customers is DECOMMISSIONED; it has no further phase");
    }

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = {"PLANNED", "BACKFILL", "SHADOW", "DECOMMISSIONED"})
    void cannotRollBackFromASafeOrFinalPhase(Phase phase) {
        refused(fixture.given(registeredWith(waveAt("customers", phase, 0)))
                        .when(new RollBackWaveCommand(ID, "customers", BY_LEAD)),
                RejectionCode.ILLEGAL_TRANSITION, "wave customers is in " + phase
                        + "; rollback applies to a wave in CANARY, CUTOVER or STABILIZATION");
    }

    @Test
    void cannotActOnAnUnknownWave() {
        refused(fixture.given(registered()).when(new AdvanceWaveCommand(ID, "ordrs", null, BY_LEAD)),
                RejectionCode.UNKNOWN_WAVE, "migration crm-to-managed-pg has no wave 'ordrs'; its waves are "
                        + "customers, orders");
    }

    @Test
    void cannotActWithoutAReason() {
        refused(fixture.given(registered()).when(new AdvanceWaveCommand(ID, "customers", null, WITHOUT_REASON)),
                RejectionCode.INVALID_COMMAND,
                "a wave command needs a reason; say why (e.g. --reason \"error rate above 1%\")");
    }

    @Test
    void cannotActOnAnAbortedMigration() {
        refused(fixture.given(registered(), new MigrationAbortedEvent(ID, T0))
                        .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD)),
                RejectionCode.MIGRATION_ABORTED,
                "migration crm-to-managed-pg was aborted at 2026-11-20T09:00:00Z; it takes no further commands");
    }

    @Test
    void cannotAbortTwice() {
        refused(fixture.given(registered(), new MigrationAbortedEvent(ID, T0))
                        .when(new AbortMigrationCommand(ID, BY_LEAD)),
                RejectionCode.MIGRATION_ABORTED,
                "migration crm-to-managed-pg was aborted at 2026-11-20T09:00:00Z; it takes no further commands");
    }

    @Test
    void cannotApplyAPlanUnderAnotherSlug() {
        MigrationPlan other = new MigrationPlan("other-slug", "x", List.of(),
                MigrationFixtures.customersThenOrders().waves());
        refused(fixture.givenNoPriorActivity().when(new ApplyPlanCommand(ID, other, BY_LEAD)),
                RejectionCode.INVALID_COMMAND,
                "the plan's slug 'other-slug' does not match migration 'crm-to-managed-pg'");
    }
}
