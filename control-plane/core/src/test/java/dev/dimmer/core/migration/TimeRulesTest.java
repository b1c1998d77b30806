package dev.dimmer.core.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.actor.Channel;
import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.CanaryWeightRaisedEvent;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.CutoverStartedEvent;
import dev.dimmer.api.migration.GoNoGoOpenedEvent;
import dev.dimmer.api.migration.MigrationRegisteredEvent;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.migration.TimeOverride;
import dev.dimmer.api.migration.TimeRuleOverriddenEvent;
import dev.dimmer.api.migration.UnmetCondition;
import dev.dimmer.api.migration.Vote;
import dev.dimmer.api.migration.VoteCastEvent;
import dev.dimmer.api.migration.WaveAdvancedEvent;
import dev.dimmer.api.plan.CutoverWindow;
import dev.dimmer.api.plan.Freeze;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.api.plan.Windows;
import dev.dimmer.api.actor.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Windows, freezes, shadow, canary holds and stabilization, judged on each command's own time (the fixture's
 * commands carry it; no clock is read and nothing sleeps).
 */
class TimeRulesTest {
    private static final String ID = MigrationFixtures.ID;
    // Thursday 2026-11-19 11:20 UTC
    private static final Instant START = Instant.parse("2026-11-19T11:20:00Z");
    private AggregateTestFixture<Migration> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Migration.class);
    }

    private static MigrationPlan plan(String zone, String cron, String duration, Freeze... freezes) {
        return new MigrationPlan(ID, "CRM", List.of(new Owner("U01LEAD", "Ada Lead", Role.LEAD)),
                List.of(new WavePlan("orders", List.of(), List.of(10, 50), null, null, null,
                        PlanDuration.of("3d"), PlanDuration.of("24h"), PlanDuration.of("7d"), null)),
                null, null, null, null, null, null, null, List.of(),
                new Windows(zone, cron == null ? null : new CutoverWindow(cron, PlanDuration.of(duration), null, null),
                        List.of(freezes)),
                null, null, null, null);
    }

    private static MigrationPlan utcPlan() {
        return plan("UTC", null, null);
    }

    private static Provenance by(Instant at) {
        return new Provenance(MigrationFixtures.LEAD, Channel.CLI, "planned step", at);
    }

    /** orders in SHADOW since START. */
    private static List<Object> inShadow(MigrationPlan plan) {
        List<Object> events = new ArrayList<>();
        events.add(new MigrationRegisteredEvent(ID, plan, START.minus(Duration.ofDays(1))));
        events.add(new WaveAdvancedEvent(ID, "orders", Phase.PLANNED, Phase.BACKFILL, 0, START.minus(Duration.ofHours(2))));
        events.add(new WaveAdvancedEvent(ID, "orders", Phase.BACKFILL, Phase.SHADOW, 0, START));
        return events;
    }

    /** orders at canary 10% since {@code at}. */
    private static List<Object> atTenPercent(MigrationPlan plan, Instant at) {
        List<Object> events = inShadow(plan);
        events.add(new WaveAdvancedEvent(ID, "orders", Phase.SHADOW, Phase.CANARY, 10, at));
        return events;
    }

    /** orders at canary 50% since {@code at}, with a go/no-go passed an hour later. */
    private static List<Object> readyToCutOver(MigrationPlan plan, Instant at) {
        List<Object> events = atTenPercent(plan, at.minus(Duration.ofDays(3)));
        Instant voted = at.plus(Duration.ofHours(1));
        events.add(new CanaryWeightRaisedEvent(ID, "orders", 10, 50, at));
        events.add(new GoNoGoOpenedEvent(ID, "orders", GoNoGoPolicy.DEFAULT_QUORUM, GoNoGoPolicy.DEFAULT_EXPIRY,
                voted));
        events.add(voted(MigrationFixtures.APPROVER_ONE, 1, false, voted));
        events.add(voted(MigrationFixtures.APPROVER_TWO, 2, true, voted));
        return events;
    }

    private static VoteCastEvent voted(dev.dimmer.api.actor.Actor voter, int approvals, boolean passed, Instant at) {
        return new VoteCastEvent(ID, "orders", voter.id(), voter.name(), List.copyOf(voter.roles()), Vote.APPROVE, "",
                approvals, 0, passed, at, List.of());
    }

    private static TypeSafeMatcher<Throwable> refusal(RejectionCode code, String sentence) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof CommandRejectedException r && r.unmet().stream()
                        .anyMatch(u -> u.code() == code && u.sentence().equals(sentence))
                        || t instanceof CommandRejectedException only && only.code() == code
                        && only.getMessage().equals(sentence);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(code + ": " + sentence);
            }

            @Override
            protected void describeMismatchSafely(Throwable t, Description d) {
                d.appendText(t instanceof CommandRejectedException r
                        ? r.unmet().stream().map(UnmetCondition::sentence).toList().toString() : t.toString());
            }
        };
    }

    @Test
    void canaryBeforeTheShadowHasRunIsRefusedWithTheTimeItOpens() {
        fixture.given(inShadow(utcPlan()))
                .when(new AdvanceWaveCommand(ID, "orders", null, by(START.plus(Duration.ofHours(69)))))
                .expectNoEvents()
                .expectException(refusal(RejectionCode.HOLD_NOT_OVER, "orders may enter canary at 11:20 UTC, "
                        + "3h from now: its shadow runs 3d from Thu 2026-11-19 11:20 UTC (a lead may override with "
                        + "--override-hold and a reason)"));
    }

    @Test
    void canaryOnceTheShadowHasRun() {
        Instant at = START.plus(Duration.ofDays(3));
        fixture.given(inShadow(utcPlan()))
                .when(new AdvanceWaveCommand(ID, "orders", null, by(at)))
                .expectEvents(new WaveAdvancedEvent(ID, "orders", Phase.SHADOW, Phase.CANARY, 10, at));
    }

    @Test
    void raisingTheWeightBeforeTheHoldIsRefusedWithTheTimeItOpens() {
        Instant reached = Instant.parse("2026-11-23T14:20:00Z");
        fixture.given(atTenPercent(utcPlan(), reached))
                .when(new AdvanceWaveCommand(ID, "orders", null, by(reached.plus(Duration.ofHours(21)))))
                .expectNoEvents()
                .expectException(refusal(RejectionCode.HOLD_NOT_OVER, "orders may go to 50% at 14:20 UTC, 3h from "
                        + "now: each canary step holds 24h and it reached 10% at Mon 2026-11-23 14:20 UTC (a lead may "
                        + "override with --override-hold and a reason)"));
    }

    @Test
    void aLeadOverridesTheHoldWithAReasonAndTheOverrideIsRecorded() {
        Instant reached = Instant.parse("2026-11-23T14:20:00Z");
        Instant at = reached.plus(Duration.ofHours(21));
        Provenance why = new Provenance(MigrationFixtures.LEAD, Channel.CLI, "incident: source disk failing", at);
        fixture.given(atTenPercent(utcPlan(), reached))
                .when(new AdvanceWaveCommand(ID, "orders", null, why, Set.of(TimeOverride.HOLD)))
                .expectEvents(new TimeRuleOverriddenEvent(ID, "orders", TimeOverride.HOLD, "orders may go to 50% at "
                                + "14:20 UTC, 3h from now: each canary step holds 24h and it reached 10% at Mon "
                                + "2026-11-23 14:20 UTC (a lead may override with --override-hold and a reason)",
                                "incident: source disk failing", at),
                        new CanaryWeightRaisedEvent(ID, "orders", 10, 50, at));
    }

    @Test
    void anOverrideOfAnotherRuleDoesNotOpenTheHold() {
        Instant reached = Instant.parse("2026-11-23T14:20:00Z");
        fixture.given(atTenPercent(utcPlan(), reached))
                .when(new AdvanceWaveCommand(ID, "orders", null, by(reached.plus(Duration.ofHours(1))),
                        Set.of(TimeOverride.WINDOW)))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cutoverOutsideTheWindowNamesTheNextOpening() {
        // Tuesdays and Wednesdays at 22:00 Berlin for 3h; Friday 2026-11-27 10:00 UTC is outside
        MigrationPlan plan = plan("Europe/Berlin", "0 0 22 ? * TUE,WED", "3h");
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        fixture.given(readyToCutOver(plan, at.minus(Duration.ofHours(20))))
                .when(new StartCutoverCommand(ID, "orders", by(at)))
                .expectNoEvents()
                .expectException(refusal(RejectionCode.OUTSIDE_WINDOW, "orders may cut over only in the cutover "
                        + "window (0 0 22 ? * TUE,WED for 3h, Europe/Berlin); the next opens at Tue 2026-12-01 "
                        + "22:00 CET, 4d 11h from now (a lead may override with --override-window and a reason)"));
    }

    @Test
    void cutoverInsideTheWindowGoesAhead() {
        MigrationPlan plan = plan("Europe/Berlin", "0 0 22 ? * TUE,WED", "3h");
        // Wednesday 2026-11-25 23:30 Berlin
        Instant at = Instant.parse("2026-11-25T22:30:00Z");
        fixture.given(readyToCutOver(plan, at.minus(Duration.ofHours(20))))
                .when(new StartCutoverCommand(ID, "orders", by(at)))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(
                                org.axonframework.test.matchers.Matchers.equalTo(
                                        new CutoverStartedEvent(ID, "orders", 50, at)))));
    }

    @Test
    void cutoverInAFreezeNamesTheFreezeAndItsReason() {
        MigrationPlan plan = plan("Europe/Berlin", "0 0 22 ? * TUE,WED", "3h",
                new Freeze("2026-12-18", "2027-01-08", "year-end change freeze"));
        // Tuesday 2026-12-22 22:30 Berlin: the window is open, the freeze holds
        Instant at = Instant.parse("2026-12-22T21:30:00Z");
        fixture.given(readyToCutOver(plan, at.minus(Duration.ofHours(20))))
                .when(new StartCutoverCommand(ID, "orders", by(at)))
                .expectNoEvents()
                .expectException(refusal(RejectionCode.CHANGE_FREEZE, "orders may not cut over during the freeze "
                        + "from 2026-12-18 to 2027-01-08 (year-end change freeze); it ends at Sat 2027-01-09 00:00 "
                        + "CET, 17d 1h from now (a lead may override with --override-window and a reason)"));
    }

    @Test
    void theNextOpeningSkipsOpeningsInAFreeze() {
        MigrationPlan plan = plan("Europe/Berlin", "0 0 22 ? * TUE,WED", "3h",
                new Freeze("2026-11-30", "2026-12-06", "peak week"));
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        fixture.given(readyToCutOver(plan, at.minus(Duration.ofHours(20))))
                .when(new StartCutoverCommand(ID, "orders", by(at)))
                .expectException(refusal(RejectionCode.OUTSIDE_WINDOW, "orders may cut over only in the cutover "
                        + "window (0 0 22 ? * TUE,WED for 3h, Europe/Berlin); the next opens at Tue 2026-12-08 "
                        + "22:00 CET, 11d 11h from now (a lead may override with --override-window and a reason)"));
    }

    @Test
    void aLeadOverridesTheWindowAndTheFreezeAndBothAreRecorded() {
        MigrationPlan plan = plan("Europe/Berlin", "0 0 22 ? * TUE,WED", "3h",
                new Freeze("2026-12-18", "2027-01-08", "year-end change freeze"));
        Instant at = Instant.parse("2026-12-21T10:00:00Z");
        Provenance why = new Provenance(MigrationFixtures.LEAD, Channel.API, "source hardware end of life", at);
        fixture.given(readyToCutOver(plan, at.minus(Duration.ofHours(20))))
                .when(new StartCutoverCommand(ID, "orders", why, Set.of(TimeOverride.WINDOW)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.sequenceOf(
                                overridden(TimeOverride.WINDOW, "may cut over only in the cutover window"),
                                overridden(TimeOverride.WINDOW, "may not cut over during the freeze"),
                                org.axonframework.test.matchers.Matchers.equalTo(
                                        new CutoverStartedEvent(ID, "orders", 50, at)))));
    }

    private static TypeSafeMatcher<Object> overridden(TimeOverride override, String part) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object o) {
                return o instanceof TimeRuleOverriddenEvent e && e.override() == override
                        && e.refusal().contains(part) && e.reason().equals("source hardware end of life");
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("override of " + override + " (" + part + ")");
            }
        };
    }

    @Test
    void decommissionBeforeTheStabilizationPeriodIsRefused() {
        Instant cutover = Instant.parse("2026-11-25T22:30:00Z");
        List<Object> history = readyToCutOver(utcPlan(), cutover.minus(Duration.ofDays(1)));
        history.add(new CutoverStartedEvent(ID, "orders", 50, cutover));
        history.add(new WaveAdvancedEvent(ID, "orders", Phase.CUTOVER, Phase.STABILIZATION, 100, cutover));
        fixture.given(history)
                .when(new AdvanceWaveCommand(ID, "orders", null, by(cutover.plus(Duration.ofDays(2)))))
                .expectNoEvents()
                .expectException(refusal(RejectionCode.HOLD_NOT_OVER, "orders may be decommissioned at Wed "
                        + "2026-12-02 22:30 UTC, 5d from now: it stabilizes 7d from Wed 2026-11-25 22:30 UTC (a lead "
                        + "may override with --override-stabilization and a reason)"));
        Instant later = cutover.plus(Duration.ofDays(7));
        fixture.given(history)
                .when(new AdvanceWaveCommand(ID, "orders", null, by(later)))
                .expectEvents(new WaveAdvancedEvent(ID, "orders", Phase.STABILIZATION, Phase.DECOMMISSIONED, 100,
                        later));
    }

    /**
     * A window at 02:30 Berlin, open one hour. On 2027-03-28 clocks jump from 02:00 to 03:00: 02:30 does not exist
     * and the window does not open that day. On 2026-10-25 clocks go back from 03:00 to 02:00: 02:30 happens twice
     * and the window opens once, at the second 02:30 (CET, 01:30 UTC), as Quartz fires it.
     */
    @Test
    void aWindowAtHalfPastTwoOnTheDayClocksGoForwardDoesNotOpen() {
        MigrationPlan plan = plan("Europe/Berlin", "0 30 2 * * ?", "1h");
        // 03:10 CEST on 2027-03-28, within an hour of the 02:30 that did not happen
        Instant at = Instant.parse("2027-03-28T01:10:00Z");
        fixture.given(readyToCutOver(plan, at.minus(Duration.ofHours(20))))
                .when(new StartCutoverCommand(ID, "orders", by(at)))
                .expectException(refusal(RejectionCode.OUTSIDE_WINDOW, "orders may cut over only in the cutover "
                        + "window (0 30 2 * * ? for 1h, Europe/Berlin); the next opens at Mon 2027-03-29 02:30 "
                        + "CEST, 23h 20m from now (a lead may override with --override-window and a reason)"));
    }

    @Test
    void aWindowAtHalfPastTwoOnTheDayClocksGoBackOpensAtTheSecondHalfPastTwo() {
        MigrationPlan plan = plan("Europe/Berlin", "0 30 2 * * ?", "1h");
        Instant firstPass = Instant.parse("2026-10-25T00:45:00Z");   // 02:45 CEST
        fixture.given(readyToCutOver(plan, firstPass.minus(Duration.ofHours(20))))
                .when(new StartCutoverCommand(ID, "orders", by(firstPass)))
                .expectException(refusal(RejectionCode.OUTSIDE_WINDOW, "orders may cut over only in the cutover "
                        + "window (0 30 2 * * ? for 1h, Europe/Berlin); the next opens at 02:30 CET, 45m from now "
                        + "(a lead may override with --override-window and a reason)"));
        Instant secondPass = Instant.parse("2026-10-25T01:45:00Z");  // 02:45 CET
        fixture.given(readyToCutOver(plan, secondPass.minus(Duration.ofHours(20))))
                .when(new StartCutoverCommand(ID, "orders", by(secondPass)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theRulesReadNoClock() {
        assertThat(Moments.span(Duration.ofSeconds(90))).isEqualTo("1m 30s");
        assertThat(Moments.span(Duration.ofHours(49))).isEqualTo("2d 1h");
    }
}
