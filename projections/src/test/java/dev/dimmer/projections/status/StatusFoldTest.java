package dev.dimmer.projections.status;

import static dev.dimmer.projections.MigrationEvents.ACTOR_NAME;
import static dev.dimmer.projections.MigrationEvents.AT;
import static dev.dimmer.projections.MigrationEvents.MIGRATION;
import static dev.dimmer.projections.MigrationEvents.WAVE;
import static dev.dimmer.projections.MigrationEvents.facts;
import static dev.dimmer.projections.MigrationEvents.plan;
import static dev.dimmer.projections.MigrationEvents.wave;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.migration.CanaryWeightRaisedEvent;
import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.MigrationAbortedEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.Vote;
import dev.dimmer.api.migration.VoteCastEvent;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.projections.MigrationEvents;
import dev.dimmer.projections.status.StatusChange.MigrationRegistered;
import dev.dimmer.projections.status.StatusChange.MigrationTouched;
import dev.dimmer.projections.status.StatusChange.VersionReached;
import dev.dimmer.projections.status.StatusChange.WaveDeclared;
import dev.dimmer.projections.status.StatusChange.WaveMoved;
import dev.dimmer.projections.status.StatusChange.WavesRemovedBefore;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusFoldTest {
    private static final MigrationPlan PLAN = plan("CRM to PostgreSQL",
            wave(WAVE, List.of(), List.of(10, 50)), wave("orders", List.of(WAVE), List.of(5, 25, 100)));

    @Test
    void shouldRegisterTheMigrationWithOneWavePerPlanWaveInPlanOrder() {
        List<StatusChange> changes = StatusFold.changes(facts(new MigrationRegisteredEvent(MIGRATION, PLAN, AT), 7, 0));

        assertThat(changes).containsExactly(
                new MigrationRegistered(MIGRATION, "CRM to PostgreSQL", AT, ACTOR_NAME, 7, 0),
                new WaveDeclared(MIGRATION, WAVE, 0, List.of(), List.of(10, 50), AT, ACTOR_NAME, 7),
                new WaveDeclared(MIGRATION, "orders", 1, List.of(WAVE), List.of(5, 25, 100), AT, ACTOR_NAME, 7));
    }

    @Test
    void shouldDeclareTheRevisedWavesThenRemoveTheOnesThePlanNoLongerNames() {
        MigrationPlan revised = plan("CRM to PostgreSQL 17", wave("orders", List.of(), List.of(50)),
                wave("billing", List.of("orders"), List.of(10, 50)));

        List<StatusChange> changes = StatusFold.changes(facts(
                new PlanRevisedEvent(MIGRATION, revised, List.of("customers removed", "billing added"), AT), 12, 3));

        // every wave the plan names now sits at position 12, so only the unnamed ones are behind it
        assertThat(changes).containsExactly(
                new WaveDeclared(MIGRATION, "orders", 0, List.of(), List.of(50), AT, ACTOR_NAME, 12),
                new WaveDeclared(MIGRATION, "billing", 1, List.of("orders"), List.of(10, 50), AT, ACTOR_NAME, 12),
                new WavesRemovedBefore(MIGRATION, 12),
                new MigrationTouched(MIGRATION, "CRM to PostgreSQL 17", null, AT, ACTOR_NAME, 12, 3));
    }

    @Test
    void shouldMoveTheWaveAndTouchTheMigrationInOneChange() {
        List<StatusChange> advanced = StatusFold.changes(facts(
                new WaveAdvancedEvent(MIGRATION, WAVE, Phase.PLANNED, Phase.SHADOW, 0, AT), 20, 5));
        List<StatusChange> raised = StatusFold.changes(facts(
                new CanaryWeightRaisedEvent(MIGRATION, WAVE, 10, 50, AT), 21, 6));

        assertThat(advanced).containsExactly(new WaveMoved(MIGRATION, WAVE, Phase.SHADOW, 0, AT, ACTOR_NAME, 20, 5));
        assertThat(raised).containsExactly(new WaveMoved(MIGRATION, WAVE, Phase.CANARY, 50, AT, ACTOR_NAME, 21, 6));
    }

    @Test
    void shouldSetTheStateToAbortedOnAbort() {
        List<StatusChange> changes = StatusFold.changes(facts(new MigrationAbortedEvent(MIGRATION, AT), 30, 9));

        assertThat(changes).containsExactly(new MigrationTouched(MIGRATION, null, "aborted", AT, ACTOR_NAME, 30, 9));
    }

    @Test
    void shouldTouchTheMigrationOnABallot() {
        List<StatusChange> changes = StatusFold.changes(facts(new VoteCastEvent(MIGRATION, WAVE, "U0ADA", ACTOR_NAME,
                List.of(), Vote.APPROVE, "looks good", 1, 0, false, AT), 31, 10));

        assertThat(changes).containsExactly(new MigrationTouched(MIGRATION, null, null, AT, ACTOR_NAME, 31, 10));
    }

    @Test
    void cannotChangeSinceWhenOrByWhomWithARefusal() {
        List<StatusChange> changes = StatusFold.changes(facts(new CommandRefusedEvent(MIGRATION, "cutover customers",
                "Eve may not cut over", "U0EVE", AT), 40, 11));

        assertThat(changes).containsExactly(new VersionReached(MIGRATION, 40, 11));
    }

    @Test
    void shouldLeaveTheMigrationAtItsVersionAfterEveryEventType() {
        for (MigrationEvent event : MigrationEvents.everyType()) {
            List<StatusChange> changes = StatusFold.changes(facts(event, 50, 12));

            assertThat(changes).as(event.getClass().getSimpleName()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.migrationId()).isEqualTo(MIGRATION))
                    .allSatisfy(c -> assertThat(c.position()).isEqualTo(50))
                    .anySatisfy(c -> assertThat(version(c)).isEqualTo(12));
        }
    }

    private static long version(StatusChange change) {
        if (change instanceof MigrationRegistered c) {
            return c.version();
        }
        if (change instanceof WaveMoved c) {
            return c.version();
        }
        if (change instanceof MigrationTouched c) {
            return c.version();
        }
        return change instanceof VersionReached c ? c.version() : -1;
    }
}
