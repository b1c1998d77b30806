package dev.dimmer.core.migration;

import static dev.dimmer.core.migration.MigrationFixtures.APPROVER_ONE;
import static dev.dimmer.core.migration.MigrationFixtures.APPROVER_TWO;
import static dev.dimmer.core.migration.MigrationFixtures.BY_LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.ID;
import static dev.dimmer.core.migration.MigrationFixtures.LEAD;
import static dev.dimmer.core.migration.MigrationFixtures.T0;
import static dev.dimmer.core.migration.MigrationFixtures.T1;
import static dev.dimmer.core.migration.MigrationFixtures.passedGoNoGo;
import static dev.dimmer.core.migration.MigrationFixtures.registeredWith;
import static dev.dimmer.core.migration.MigrationFixtures.vote;
import static dev.dimmer.core.migration.MigrationFixtures.waveAt;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.CastVoteCommand;
import dev.dimmer.api.migration.CommandRefusedEvent;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.CutoverStartedEvent;
import dev.dimmer.api.migration.GoNoGoOpenedEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.OpenGoNoGoCommand;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.RecordRefusalCommand;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.migration.UnmetCondition;
import dev.dimmer.api.migration.Vote;
import dev.dimmer.api.migration.VoteCastEvent;
import dev.dimmer.api.migration.WaveRolledBackEvent;
import dev.dimmer.api.plan.Approval;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.MigrationPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoNoGoTest {
    private static final Instant DAY_LATER = T0.plus(Duration.ofHours(25));
    private AggregateTestFixture<Migration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Migration.class);
    }

    private static List<Object> atLastCanaryStep() {
        return registeredWith(waveAt("customers", Phase.CANARY, 50));
    }

    private static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }

    private static Provenance by(Actor actor, Instant at) {
        return new Provenance(actor, Channel.SLACK, "", at);
    }

    private static GoNoGoOpenedEvent opened() {
        return new GoNoGoOpenedEvent(ID, "customers", GoNoGoPolicy.DEFAULT_QUORUM, GoNoGoPolicy.DEFAULT_EXPIRY, T0);
    }

    private static org.hamcrest.Matcher<Object> passed(boolean passed) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof dev.dimmer.api.migration.GoNoGoState state && state.passed() == passed
                        && state.quorum().equals("2 approvers") && state.missing().isEmpty() == passed;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a go/no-go that " + (passed ? "passed" : "has not passed"));
            }
        };
    }

    @Test
    void canOpenAGoNoGoWithTheDefaultQuorumOfTwoApproversFor24Hours() {
        fixture.given(atLastCanaryStep())
                .when(new OpenGoNoGoCommand(ID, "customers", BY_LEAD))
                .expectEvents(new GoNoGoOpenedEvent(ID, "customers", List.of(new Approval(Role.APPROVER, 2)),
                        Duration.ofHours(24), T1));
    }

    @Test
    void shouldTakeTheQuorumAndExpiryFromThePlansCutoverGate() {
        MigrationPlan base = MigrationFixtures.customersThenOrders();
        Gate gate = new Gate("go-no-go", Phase.CUTOVER, List.of("customers"), List.of(),
                List.of(new Approval(Role.APPROVER, 3), new Approval(Role.LEAD, 1)), PlanDuration.of("8h"), false);
        MigrationPlan plan = new MigrationPlan(base.slug(), base.title(), base.owners(), base.waves(), null, null,
                null, null, null, null, null, List.of(gate), null, null, null, null, null);
        fixture.given(new MigrationRegisteredEvent(ID, plan, T0))
                .when(new OpenGoNoGoCommand(ID, "customers", BY_LEAD))
                .expectEvents(new GoNoGoOpenedEvent(ID, "customers", gate.approvals(), Duration.ofHours(8), T1));
    }

    @Test
    void canCastAVoteThatCountsTowardsTheQuorum() {
        fixture.given(with(atLastCanaryStep(), opened()))
                .when(new CastVoteCommand(ID, "customers", Vote.APPROVE, "", by(APPROVER_ONE, T0)))
                .expectEvents(vote("customers", APPROVER_ONE, Vote.APPROVE, 1, false))
                .expectResultMessagePayloadMatching(passed(false));
    }

    @Test
    void shouldPassWithTwoDistinctApprovals() {
        fixture.given(with(atLastCanaryStep(), opened(), vote("customers", APPROVER_ONE, Vote.APPROVE, 1, false)))
                .when(new CastVoteCommand(ID, "customers", Vote.APPROVE, "", by(APPROVER_TWO, T0)))
                .expectEvents(vote("customers", APPROVER_TWO, Vote.APPROVE, 2, true))
                .expectResultMessagePayloadMatching(passed(true));
    }

    @Test
    void shouldCountAVoteCastTwiceOnce() {
        fixture.given(with(atLastCanaryStep(), opened(), vote("customers", APPROVER_ONE, Vote.APPROVE, 1, false)))
                .when(new CastVoteCommand(ID, "customers", Vote.APPROVE, "", by(APPROVER_ONE, T0)))
                .expectEvents(vote("customers", APPROVER_ONE, Vote.APPROVE, 1, false));
    }

    @Test
    void canChangeAnApprovalIntoARejection() {
        List<Object> history = with(atLastCanaryStep(), passedGoNoGo("customers").toArray());
        fixture.given(history)
                .when(new CastVoteCommand(ID, "customers", Vote.REJECT, "not yet", by(APPROVER_ONE, T0)))
                .expectEvents(new VoteCastEvent(ID, "customers", APPROVER_ONE.id(), APPROVER_ONE.name(),
                        List.of(Role.APPROVER), Vote.REJECT, "not yet", 1, 1, false, T0));
    }

    @Test
    void cannotRejectWithoutAReason() {
        fixture.given(with(atLastCanaryStep(), opened()))
                .when(new CastVoteCommand(ID, "customers", Vote.REJECT, " ", by(APPROVER_ONE, T0)))
                .expectNoEvents()
                .expectExceptionMessage("a rejection needs a reason; say what must change before cutover");
    }

    @Test
    void cannotVoteWithoutAnOpenGoNoGo() {
        fixture.given(atLastCanaryStep())
                .when(new CastVoteCommand(ID, "customers", Vote.APPROVE, "", by(APPROVER_ONE, T0)))
                .expectNoEvents()
                .expectExceptionMessage("wave customers has no open go/no-go; a lead opens one with "
                        + "/gonogo crm-to-managed-pg customers or dimmer gonogo crm-to-managed-pg customers");
    }

    @Test
    void cannotCutOverWithoutAGoNoGo() {
        fixture.given(atLastCanaryStep())
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cannotCutOverWithOneApprovalOfTwo() {
        fixture.given(with(atLastCanaryStep(), opened(), vote("customers", APPROVER_ONE, Vote.APPROVE, 1, false)))
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectNoEvents()
                .expectExceptionMessage("the go/no-go for wave customers has not passed: it has 1 of 2 approvals "
                        + "from approvers (ballots count for 1d)");
    }

    @Test
    void cannotCutOverOverARejection() {
        List<Object> history = with(atLastCanaryStep(), passedGoNoGo("customers").toArray());
        history.add(vote("customers", new Actor("U04DEV", "Dev Approver", Set.of(Role.APPROVER)), Vote.REJECT, 2,
                false));
        fixture.given(history)
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectNoEvents()
                .expectExceptionMessage("the go/no-go for wave customers has not passed: Dev Approver rejected it "
                        + "(not yet) (ballots count for 1d)");
    }

    @Test
    void cannotCutOverOnceTheBallotsExpired() {
        fixture.given(with(atLastCanaryStep(), passedGoNoGo("customers").toArray()))
                .when(new StartCutoverCommand(ID, "customers", new Provenance(LEAD, Channel.API, "go", DAY_LATER)))
                .expectNoEvents()
                .expectExceptionMessage("the go/no-go for wave customers has not passed: it has 0 of 2 approvals "
                        + "from approvers (ballots count for 1d)");
    }

    @Test
    void shouldNeedAFreshGoNoGoAfterARollback() {
        List<Object> history = with(atLastCanaryStep(), passedGoNoGo("customers").toArray());
        history.add(new WaveRolledBackEvent(ID, "customers", Phase.CANARY, 50, T0));
        fixture.given(history)
                .when(new CastVoteCommand(ID, "customers", Vote.APPROVE, "", by(APPROVER_ONE, T1)))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void canCutOverWithAPassedGoNoGo() {
        fixture.given(with(atLastCanaryStep(), passedGoNoGo("customers").toArray()))
                .when(new StartCutoverCommand(ID, "customers", BY_LEAD))
                .expectEvents(new CutoverStartedEvent(ID, "customers", 50, T1));
    }

    @Test
    void canRecordWhoWasRefusedWhat() {
        Actor stranger = new Actor("U09EVE", "Eve", Set.of());
        CommandRefusedEvent refused = new CommandRefusedEvent(ID, "cutover customers", "Eve may not start cutover",
                "U09EVE", T1, "StartCutover", "customers", "now", "slack", "Eve",
                List.of(new UnmetCondition(RejectionCode.FORBIDDEN, "Eve may not start cutover")));
        fixture.given(atLastCanaryStep())
                .when(new RecordRefusalCommand(ID, refused, new Provenance(stranger, Channel.SLACK, "now", T1)))
                .expectEvents(refused);
    }
}
