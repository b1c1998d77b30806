package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.BY_LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.ID;
import static dev.dimmer.core.migration.MigrationFixtures.LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.T0;
import static dev.dimmer.core.migration.MigrationFixtures.T1;
import static dev.dimmer.core.migration.MigrationFixtures.WITHOUT_REASON;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.CanaryWeightRaisedEvent;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.KillSwitchCommand;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.SwitchKilledEvent;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.migration.WaveRolledBackEvent;
import dev.dimmer.api.migration.WaveState;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.WavePlan;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kill switch: source at once, as an event, until the wave next moves forward. */
class KillSwitchTest {
    private static final String SWITCH = "customers-read-path";
    private AggregateTestFixture<Migration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Migration.class);
    }

    private static MigrationPlan switchedPlan() {
        return new MigrationPlan(ID, "CRM to managed PostgreSQL", List.of(new Owner(LEAD.id(), LEAD.name(),
                Role.LEAD)), List.of(new WavePlan("customers", List.of(), List.of(10, 50), null, null, SWITCH, null,
                null), new WavePlan("orders", List.of("customers"), List.of(10, 50))));
    }

    private static List<Object> inCanary() {
        List<Object> events = new ArrayList<>();
        events.add(new MigrationRegisteredEvent(ID, switchedPlan(), T0));
        events.addAll(MigrationFixtures.waveAt("customers", Phase.CANARY, 10));
        return events;
    }

    @Test
    void canKillASwitchInCanaryWithoutMovingItsWave() {
        fixture.given(inCanary())
                .when(new KillSwitchCommand(ID, SWITCH, BY_LEAD))
                .expectEvents(new SwitchKilledEvent(ID, "customers", SWITCH, T1))
                .expectResultMessagePayload(new WaveState(ID, "customers", Phase.CANARY, 10));
    }

    @Test
    void shouldRecordNothingWhenTheSwitchIsAlreadyKilled() {
        List<Object> killed = inCanary();
        killed.add(new SwitchKilledEvent(ID, "customers", SWITCH, T0));
        killed.add(new WaveRolledBackEvent(ID, "customers", Phase.CANARY, 10, T0));
        fixture.given(killed)
                .when(new KillSwitchCommand(ID, SWITCH, BY_LEAD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void canKillAgainOnceTheWaveMovedForward() {
        List<Object> killedThenRaised = inCanary();
        killedThenRaised.add(new SwitchKilledEvent(ID, "customers", SWITCH, T0));
        killedThenRaised.add(new CanaryWeightRaisedEvent(ID, "customers", 10, 50, T0));
        fixture.given(killedThenRaised)
                .when(new KillSwitchCommand(ID, SWITCH, BY_LEAD))
                .expectEvents(new SwitchKilledEvent(ID, "customers", SWITCH, T1));
    }

    @Test
    void canRollBackAfterAKill() {
        List<Object> killed = inCanary();
        killed.add(new SwitchKilledEvent(ID, "customers", SWITCH, T0));
        fixture.given(killed)
                .when(new RollBackWaveCommand(ID, "customers", BY_LEAD))
                .expectEvents(new WaveRolledBackEvent(ID, "customers", Phase.CANARY, 10, T1));
    }

    @Test
    void canAdvanceAfterAKill() {
        List<Object> killed = inCanary();
        killed.add(new SwitchKilledEvent(ID, "customers", SWITCH, T0));
        fixture.given(killed)
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectEvents(new CanaryWeightRaisedEvent(ID, "customers", 10, 50, T1));
    }

    @Test
    void cannotKillASwitchNoWaveNames() {
        fixture.given(inCanary())
                .when(new KillSwitchCommand(ID, "orders-read-path", BY_LEAD))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("no wave of migration crm-to-managed-pg routes with switch "
                        + "'orders-read-path'; its switches are customers-read-path");
    }

    @Test
    void cannotKillWithoutAReason() {
        fixture.given(inCanary())
                .when(new KillSwitchCommand(ID, SWITCH, WITHOUT_REASON))
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("killing a switch needs a reason; say why (e.g. --reason \"error rate "
                        + "above 1%\")");
    }

    @Test
    void cannotKillTheSwitchOfAnAbortedMigration() {
        List<Object> aborted = inCanary();
        aborted.add(new MigrationAbortedEvent(ID, T0));
        fixture.given(aborted)
                .when(new KillSwitchCommand(ID, SWITCH, BY_LEAD))
                .expectException(CommandRejectedException.class);
    }

    @Test
    void shouldKeepAKilledSwitchThroughAnAdvanceOfAnotherWave() {
        List<Object> killed = inCanary();
        killed.add(new SwitchKilledEvent(ID, "customers", SWITCH, T0));
        killed.add(new WaveAdvancedEvent(ID, "orders", Phase.PLANNED, Phase.BACKFILL, 0, T0));
        fixture.given(killed)
                .when(new KillSwitchCommand(ID, SWITCH, BY_LEAD))
                .expectNoEvents();
    }
}
