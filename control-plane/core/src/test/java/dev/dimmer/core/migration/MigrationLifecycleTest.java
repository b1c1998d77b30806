package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.BY_LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.ID;
import static dev.dimmer.core.migration.MigrationFixtures.T0;
import static dev.dimmer.core.migration.MigrationFixtures.T1;
import static dev.dimmer.core.migration.MigrationFixtures.registered;
import static dev.dimmer.core.migration.MigrationFixtures.registeredWith;
import static dev.dimmer.core.migration.MigrationFixtures.waveAt;

import dev.dimmer.api.migration.AbortMigrationCommand;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.CanaryWeightRaisedEvent;
import dev.dimmer.api.migration.CutoverStartedEvent;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PlanApplied;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.migration.WaveRolledBackEvent;
import dev.dimmer.api.migration.WaveState;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationLifecycleTest {
    private AggregateTestFixture<Migration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Migration.class);
    }

    @Test
    void canRegisterAPlanAsANewMigration() {
        fixture.givenNoPriorActivity()
                .when(new ApplyPlanCommand(ID, MigrationFixtures.customersThenOrders(), BY_LEAD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MigrationRegisteredEvent(ID, MigrationFixtures.customersThenOrders(), T1))
                .expectResultMessagePayload(new PlanApplied(ID, PlanApplied.Outcome.REGISTERED, List.of()));
    }

    @Test
    void canAdvanceFromPlannedToBackfill() {
        fixture.given(registered())
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectEvents(new WaveAdvancedEvent(ID, "customers", Phase.PLANNED, Phase.BACKFILL, 0, T1))
                .expectResultMessagePayload(new WaveState(ID, "customers", Phase.BACKFILL, 0));
    }

    @Test
    void canAdvanceFromBackfillToShadow() {
        fixture.given(registeredWith(waveAt("customers", Phase.BACKFILL, 0)))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectEvents(new WaveAdvancedEvent(ID, "customers", Phase.BACKFILL, Phase.SHADOW, 0, T1));
    }

    @Test
    void canEnterCanaryAtTheFirstStep() {
        fixture.given(registeredWith(waveAt("customers", Phase.SHADOW, 0)))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectEvents(new WaveAdvancedEvent(ID, "customers", Phase.SHADOW, Phase.CANARY, 10, T1))
                .expectResultMessagePayload(new WaveState(ID, "customers", Phase.CANARY, 10));
    }

    @Test
    void canEnterCanaryBelowTheFirstStep() {
        fixture.given(registeredWith(waveAt("customers", Phase.SHADOW, 0)))
                .when(new AdvanceWaveCommand(ID, "customers", 5, BY_LEAD))
                .expectEvents(new WaveAdvancedEvent(ID, "customers", Phase.SHADOW, Phase.CANARY, 5, T1));
    }

    @Test
    void canRaiseTheCanaryWeightToTheNextStep() {
        fixture.given(registeredWith(waveAt("customers", Phase.CANARY, 10)))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectEvents(new CanaryWeightRaisedEvent(ID, "customers", 10, 50, T1));
    }

    @Test
    void canPauseBetweenCanarySteps() {
        fixture.given(registeredWith(waveAt("customers", Phase.CANARY, 10)))
                .when(new AdvanceWaveCommand(ID, "customers", 25, BY_LEAD))
                .expectEvents(new CanaryWeightRaisedEvent(ID, "customers", 10, 25, T1));
    }

    @Test
    void canCutOverFromTheLastCanaryStep() {
        List<Object> history = registeredWith(waveAt("customers", Phase.CANARY, 50));
        history.addAll(MigrationFixtures.passedGoNoGo("customers"));
        fixture.given(history)
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectEvents(new CutoverStartedEvent(ID, "customers", 50, T1))
                .expectResultMessagePayload(new WaveState(ID, "customers", Phase.CUTOVER, 100));
    }

    @Test
    void canAdvanceFromCutoverToStabilization() {
        fixture.given(registeredWith(waveAt("customers", Phase.CUTOVER, 0)))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectEvents(new WaveAdvancedEvent(ID, "customers", Phase.CUTOVER, Phase.STABILIZATION, 100, T1));
    }

    @Test
    void canDecommissionAStableWave() {
        fixture.given(registeredWith(waveAt("customers", Phase.STABILIZATION, 0)))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectEvents(new WaveAdvancedEvent(ID, "customers", Phase.STABILIZATION, Phase.DECOMMISSIONED,
                        100, T1));
    }

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = {"CANARY", "CUTOVER", "STABILIZATION"})
    void canRollBackToShadow(Phase phase) {
        int weight = phase == Phase.CANARY ? 50 : 100;
        fixture.given(registeredWith(waveAt("customers", phase, 50)))
                .when(new RollBackWaveCommand(ID, "customers", BY_LEAD))
                .expectEvents(new WaveRolledBackEvent(ID, "customers", phase, weight, T1))
                .expectResultMessagePayload(new WaveState(ID, "customers", Phase.SHADOW, 0));
    }

    @Test
    void canAdvanceAgainAfterARollback() {
        List<Object> history = registeredWith(waveAt("customers", Phase.CANARY, 50));
        history.add(new WaveRolledBackEvent(ID, "customers", Phase.CANARY, 50, T0));
        fixture.given(history)
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectEvents(new WaveAdvancedEvent(ID, "customers", Phase.SHADOW, Phase.CANARY, 10, T1));
    }

    @Test
    void canCutOverOnceTheDependencyIsStable() {
        List<Object> history = registeredWith(waveAt("customers", Phase.STABILIZATION, 0));
        history.addAll(waveAt("orders", Phase.CANARY, 50));
        history.addAll(MigrationFixtures.passedGoNoGo("orders"));
        fixture.given(history)
                .when(new StartCutoverCommand(ID, "orders", BY_LEAD))
                .expectEvents(new CutoverStartedEvent(ID, "orders", 50, T1));
    }

    @Test
    void canAbortAMigration() {
        fixture.given(registeredWith(waveAt("customers", Phase.CANARY, 10)))
                .when(new AbortMigrationCommand(ID, BY_LEAD))
                .expectEvents(new MigrationAbortedEvent(ID, T1));
    }
}
