package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.BY_LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.ID;
import static dev.dimmer.core.migration.MigrationFixtures.LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.T0;
import static dev.dimmer.core.migration.MigrationFixtures.T1;
import static dev.dimmer.core.migration.MigrationFixtures.vote;
import static dev.dimmer.core.migration.MigrationFixtures.waveAt;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.CastVoteCommand;
import dev.dimmer.api.migration.GoNoGoOpenedEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.OpenGoNoGoCommand;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.Vote;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.plan.Approval;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.PlanDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gate before a step other than cutover that asks for approvals is decided by a go/no-go on that step: a lead's
 * sign-off before canary is collected and enforced, used up by entering canary, and the cutover's vote comes next.
 */
class CanaryGoNoGoTest {
    private static final List<Approval> ONE_LEAD = List.of(new Approval(Role.LEAD, 1));
    private AggregateTestFixture<Migration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Migration.class);
    }

    /** customers and orders, with a canary-entry gate that asks one lead's approval, valid for 12h. */
    private static List<Object> inShadow(Object... more) {
        MigrationPlan base = MigrationFixtures.customersThenOrders();
        Gate canaryEntry = new Gate("canary-entry", Phase.CANARY, List.of(), List.of(), ONE_LEAD,
                PlanDuration.of("12h"), false);
        MigrationPlan plan = new MigrationPlan(base.slug(), base.title(), base.owners(), base.waves(), null, null,
                null, null, null, null, null, List.of(canaryEntry), null, null, null, null, null);
        List<Object> events = new ArrayList<>();
        events.add(new MigrationRegisteredEvent(ID, plan, T0));
        events.addAll(waveAt("customers", Phase.SHADOW, 0));
        events.addAll(List.of(more));
        return events;
    }

    private static GoNoGoOpenedEvent openedOnCanary() {
        return new GoNoGoOpenedEvent(ID, "customers", ONE_LEAD, Duration.ofHours(12), T0, Phase.CANARY);
    }

    @Test
    void shouldOpenTheGoNoGoOnTheCanaryWhenItsGateAsksForApprovals() {
        fixture.given(inShadow())
                .when(new OpenGoNoGoCommand(ID, "customers", BY_LEAD))
                .expectEvents(new GoNoGoOpenedEvent(ID, "customers", ONE_LEAD, Duration.ofHours(12), T1,
                        Phase.CANARY));
    }

    @Test
    void cannotEnterCanaryWithoutThatGoNoGo() {
        fixture.given(inShadow())
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectNoEvents()
                .expectExceptionMessage("wave customers has no open go/no-go on "
                        + "its canary (1 lead); a lead opens one with /gonogo crm-to-managed-pg customers or dimmer "
                        + "gonogo crm-to-managed-pg customers");
    }

    @Test
    void cannotEnterCanaryBeforeTheLeadApproved() {
        fixture.given(inShadow(openedOnCanary()))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectNoEvents()
                .expectExceptionMessage("the go/no-go on the canary of wave "
                        + "customers has not passed: it has 0 of 1 approvals from leads (ballots count for 12h)");
    }

    @Test
    void shouldEnterCanaryOnceTheLeadApproved() {
        fixture.given(inShadow(openedOnCanary(), vote("customers", LEAD, Vote.APPROVE, 1, true)))
                .when(new AdvanceWaveCommand(ID, "customers", null, BY_LEAD))
                .expectEvents(new WaveAdvancedEvent(ID, "customers", Phase.SHADOW, Phase.CANARY, 10, T1));
    }

    @Test
    void shouldUseTheCanarysVoteUpSoTheCutoverGetsItsOwn() {
        List<Object> history = inShadow(openedOnCanary(), vote("customers", LEAD, Vote.APPROVE, 1, true),
                new WaveAdvancedEvent(ID, "customers", Phase.SHADOW, Phase.CANARY, 10, T0));
        // a ballot after canary has no vote to count towards
        fixture.given(history)
                .when(new CastVoteCommand(ID, "customers", Vote.APPROVE, "", BY_LEAD))
                .expectNoEvents()
                .expectExceptionMessage("wave customers has no open go/no-go; a lead opens one with /gonogo "
                        + "crm-to-managed-pg customers or dimmer gonogo crm-to-managed-pg customers");
        // and the next go/no-go is the cutover's, with its default quorum
        fixture.given(history)
                .when(new OpenGoNoGoCommand(ID, "customers", BY_LEAD))
                .expectEvents(new GoNoGoOpenedEvent(ID, "customers", GoNoGoPolicy.DEFAULT_QUORUM,
                        GoNoGoPolicy.DEFAULT_EXPIRY, T1, Phase.CUTOVER));
    }

    @Test
    void shouldReadAGoNoGoStoredBeforeItNamedItsStepAsTheCutovers() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
        GoNoGoOpenedEvent old = json.readValue("""
                {"migrationId": "crm", "wave": "customers", "quorum": [{"role": "APPROVER", "count": 2}],
                 "expiry": 86400.0, "at": "2026-11-20T09:00:00Z"}""", GoNoGoOpenedEvent.class);
        org.assertj.core.api.Assertions.assertThat(old.before()).isEqualTo(Phase.CUTOVER);
    }
}
