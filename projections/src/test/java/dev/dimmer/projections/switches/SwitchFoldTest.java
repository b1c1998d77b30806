package dev.dimmer.projections.switches;

import static dev.dimmer.projections.MigrationEvents.AT;
import static dev.dimmer.projections.MigrationEvents.MIGRATION;
import static dev.dimmer.projections.MigrationEvents.facts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.migration.CanaryWeightRaisedEvent;
import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.CutoverStartedEvent;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.SwitchKilledEvent;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.migration.WaveRolledBackEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.projections.MigrationEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwitchFoldTest {
    private static final String SWITCH = "customers-read-path";

    private static WavePlan wave(String name, String routingSwitch) {
        return new WavePlan(name, List.of(), List.of(10, 50), null, null, routingSwitch, null, null);
    }

    private static final MigrationPlan PLAN = MigrationEvents.plan("CRM", wave("customers", SWITCH),
            wave("orders", null));

    private static Map<String, WaveSwitch> after(MigrationEvent... events) {
        Map<String, WaveSwitch> waves = Map.of();
        long position = 1;
        for (MigrationEvent event : events) {
            waves = SwitchFold.next(waves, facts(event, position, position - 1));
            position++;
        }
        return waves;
    }

    private static WaveAdvancedEvent advanced(Phase from, Phase to, int weight) {
        return new WaveAdvancedEvent(MIGRATION, "customers", from, to, weight, AT);
    }

    private static final MigrationEvent[] TO_CANARY = {
            new MigrationRegisteredEvent(MIGRATION, PLAN, AT), advanced(Phase.PLANNED, Phase.BACKFILL, 0),
            advanced(Phase.BACKFILL, Phase.SHADOW, 0), advanced(Phase.SHADOW, Phase.CANARY, 10)};

    private static MigrationEvent[] toCanaryThen(MigrationEvent... more) {
        MigrationEvent[] all = java.util.Arrays.copyOf(TO_CANARY, TO_CANARY.length + more.length);
        System.arraycopy(more, 0, all, TO_CANARY.length, more.length);
        return all;
    }

    @Test
    void shouldDeclareEveryWaveOnRegistrationAndServeSourceWhilePlanned() {
        Map<String, WaveSwitch> waves = after(new MigrationRegisteredEvent(MIGRATION, PLAN, AT));

        assertThat(waves.get("customers")).isEqualTo(new WaveSwitch(MIGRATION, "customers", SWITCH, Phase.PLANNED,
                0, false, false, 1, 1, AT));
        assertThat(waves.get("orders").routingSwitch()).isNull();
        assertThat(waves.get("customers").fixedValue()).isEqualTo(SwitchValue.SOURCE);
    }

    @Test
    void shouldSplitInCanaryAtTheWaveWeight() {
        WaveSwitch wave = after(toCanaryThen(new CanaryWeightRaisedEvent(MIGRATION, "customers", 10, 50, AT)))
                .get("customers");

        assertThat(wave.phase()).isEqualTo(Phase.CANARY);
        assertThat(wave.weight()).isEqualTo(50);
        assertThat(wave.position()).isEqualTo(5);
        assertThat(wave.fixedValue()).isNull();
    }

    @Test
    void shouldServeTargetFromCutoverOn() {
        WaveSwitch wave = after(toCanaryThen(new CutoverStartedEvent(MIGRATION, "customers", 10, AT),
                advanced(Phase.CUTOVER, Phase.STABILIZATION, 100),
                advanced(Phase.STABILIZATION, Phase.DECOMMISSIONED, 100))).get("customers");

        assertThat(wave.phase()).isEqualTo(Phase.DECOMMISSIONED);
        assertThat(wave.fixedValue()).isEqualTo(SwitchValue.TARGET);
    }

    @Test
    void shouldServeSourceAfterARollback() {
        WaveSwitch wave = after(toCanaryThen(new WaveRolledBackEvent(MIGRATION, "customers", Phase.CANARY, 10, AT)))
                .get("customers");

        assertThat(wave.phase()).isEqualTo(Phase.SHADOW);
        assertThat(wave.fixedValue()).isEqualTo(SwitchValue.SOURCE);
    }

    @Test
    void shouldKeepAKilledSwitchOnSourceThroughARollbackUntilTheWaveMovesForward() {
        WaveSwitch killed = after(toCanaryThen(new SwitchKilledEvent(MIGRATION, "customers", SWITCH, AT),
                new WaveRolledBackEvent(MIGRATION, "customers", Phase.CANARY, 10, AT))).get("customers");
        assertThat(killed.killed()).isTrue();
        assertThat(killed.fixedValue()).isEqualTo(SwitchValue.SOURCE);

        WaveSwitch revived = after(toCanaryThen(new SwitchKilledEvent(MIGRATION, "customers", SWITCH, AT),
                new CanaryWeightRaisedEvent(MIGRATION, "customers", 10, 50, AT))).get("customers");
        assertThat(revived.killed()).isFalse();
        assertThat(revived.fixedValue()).isNull();
    }

    @Test
    void shouldServeSourceForEveryWaveOfAnAbortedMigration() {
        Map<String, WaveSwitch> waves = after(toCanaryThen(new CutoverStartedEvent(MIGRATION, "customers", 10, AT),
                new MigrationAbortedEvent(MIGRATION, AT)));

        assertThat(waves.values()).allMatch(WaveSwitch::aborted);
        assertThat(waves.get("customers").fixedValue()).isEqualTo(SwitchValue.SOURCE);
    }

    @Test
    void shouldGiveASwitchAddedByARevisionItsWavesPhase() {
        MigrationPlan revised = MigrationEvents.plan("CRM", wave("customers", SWITCH), wave("orders", "orders-read"));
        Map<String, WaveSwitch> waves = after(new MigrationRegisteredEvent(MIGRATION, PLAN, AT),
                new WaveAdvancedEvent(MIGRATION, "orders", Phase.PLANNED, Phase.BACKFILL, 0, AT),
                new PlanRevisedEvent(MIGRATION, revised, List.of("orders routes with orders-read"), AT));

        assertThat(waves.get("orders")).isEqualTo(new WaveSwitch(MIGRATION, "orders", "orders-read", Phase.BACKFILL,
                0, false, false, 3, 3, AT));
        assertThat(waves.get("customers").declaredAt()).isEqualTo(1);
    }

    @Test
    void shouldChangeNothingOnEventsThatMoveNoSwitch() {
        Map<String, WaveSwitch> before = after(TO_CANARY);
        for (MigrationEvent event : MigrationEvents.everyType()) {
            if (event instanceof dev.dimmer.api.migration.WaveFact || event instanceof MigrationRegisteredEvent
                    || event instanceof PlanRevisedEvent || event instanceof MigrationAbortedEvent) {
                continue;
            }
            assertThat(SwitchFold.next(before, facts(event, 99, 99))).as(event.getClass().getSimpleName())
                    .isSameAs(before);
        }
        assertThat(MigrationEvents.everyType()).anyMatch(e -> e instanceof CommandRefusedEvent);
    }
}
