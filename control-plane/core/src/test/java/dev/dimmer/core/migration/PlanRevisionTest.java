package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.BY_LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.ID;
import static dev.dimmer.core.migration.MigrationFixtures.T1;
import static dev.dimmer.core.migration.MigrationFixtures.registered;
import static dev.dimmer.core.migration.MigrationFixtures.registeredWith;
import static dev.dimmer.core.migration.MigrationFixtures.waveAt;

import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PlanApplied;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanRevisionTest {
    private AggregateTestFixture<Migration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Migration.class);
    }

    private static MigrationPlan withWaves(WavePlan... waves) {
        MigrationPlan base = MigrationFixtures.customersThenOrders();
        return new MigrationPlan(base.slug(), base.title(), base.owners(), List.of(waves));
    }

    @Test
    void shouldRecordNothingForAnUnchangedPlan() {
        fixture.given(registered())
                .when(new ApplyPlanCommand(ID, MigrationFixtures.customersThenOrders(), BY_LEAD))
                .expectNoEvents()
                .expectResultMessagePayload(new PlanApplied(ID, PlanApplied.Outcome.UNCHANGED, List.of()));
    }

    @Test
    void canReviseAPlanWithAReadableSummary() {
        MigrationPlan revised = withWaves(new WavePlan("customers", List.of(), List.of(5, 25, 50)),
                new WavePlan("orders", List.of("customers"), List.of(10, 50)),
                new WavePlan("billing", List.of("orders"), List.of(10, 50)));
        List<String> changes = List.of("wave customers: canary steps 10, 50 → 5, 25, 50", "wave billing added");
        fixture.given(registered())
                .when(new ApplyPlanCommand(ID, revised, BY_LEAD))
                .expectEvents(new PlanRevisedEvent(ID, revised, changes, T1))
                .expectResultMessagePayload(new PlanApplied(ID, PlanApplied.Outcome.REVISED, changes));
    }

    @Test
    void shouldStartAnAddedWavePlanned() {
        MigrationPlan revised = withWaves(new WavePlan("customers", List.of(), List.of(10, 50)),
                new WavePlan("orders", List.of("customers"), List.of(10, 50)),
                new WavePlan("billing", List.of(), List.of(10, 50)));
        fixture.given(registered(), new PlanRevisedEvent(ID, revised, List.of("wave billing added"), T1))
                .when(new AdvanceWaveCommand(ID, "billing", null, BY_LEAD))
                .expectEvents(new WaveAdvancedEvent(ID, "billing", Phase.PLANNED, Phase.BACKFILL, 0, T1));
    }

    @Test
    void canRemoveAWaveThatIsStillInShadow() {
        MigrationPlan revised = withWaves(new WavePlan("customers", List.of(), List.of(10, 50)));
        fixture.given(registeredWith(waveAt("orders", Phase.SHADOW, 0)))
                .when(new ApplyPlanCommand(ID, revised, BY_LEAD))
                .expectEvents(new PlanRevisedEvent(ID, revised, List.of("wave orders removed"), T1));
    }

    @Test
    void cannotRemoveAWavePastShadow() {
        MigrationPlan revised = withWaves(new WavePlan("customers", List.of(), List.of(10, 50)));
        fixture.given(registeredWith(waveAt("orders", Phase.CANARY, 10)))
                .when(new ApplyPlanCommand(ID, revised, BY_LEAD))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("wave orders is in CANARY at 10%; a wave past SHADOW cannot be removed "
                        + "from the plan (roll it back first, or keep it)");
    }
}
