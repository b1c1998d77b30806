package dev.dimmer.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.plan.Communication;
import dev.dimmer.api.plan.CutoverWindow;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.Owner;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.api.plan.Windows;
import dev.dimmer.api.schedule.DueKind;
import dev.dimmer.core.migration.ScheduleFacts;
import dev.dimmer.core.migration.ScheduleFacts.WaveFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What is due, derived from the plan and the waves' state at a given time (no clock, no Quartz). */
class DerivationTest {
    // Monday 2026-12-07 10:00 UTC
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant SINCE = NOW.minus(Duration.ofHours(2));

    private static MigrationPlan plan(String every, String cadence) {
        return new MigrationPlan("crm", "CRM", List.of(new Owner("U01", "Ada Lead", Role.LEAD),
                new Owner("U02", "Bea", Role.APPROVER)),
                List.of(new WavePlan("orders", List.of(), List.of(10, 50), null, List.of("orders"), null,
                        PlanDuration.of("3h"), PlanDuration.of("24h"), PlanDuration.of("7d"), null)),
                null, null, null, null, null, null,
                List.of(new ValidationPlan.RowCount("orders-count", "orders", null, null, null, PlanDuration.of(every),
                        false, null), new ValidationPlan.RowCount("orders-once", "orders", null, null, null, null,
                        false, null)),
                List.of(new Gate("go", Phase.CUTOVER, List.of(), List.of("orders-count"), List.of(), null, false)),
                new Windows("Europe/Berlin", new CutoverWindow("0 0 22 ? * WED", PlanDuration.of("3h"), null, null),
                        List.of()),
                null, null, new Communication("#crm", List.of(), Map.of("shadow", PlanDuration.of("1d"),
                        "canary", PlanDuration.of(cadence)), PlanDuration.of("24h")), null);
    }

    private static ScheduleFacts facts(MigrationPlan plan, Phase phase, int weight, Instant goNoGo, Set<String> noticed) {
        return new ScheduleFacts("crm", plan, false, List.of(new WaveFacts("orders", phase, weight, SINCE,
                SINCE, null, goNoGo, false, Set.of(), Set.of(), Map.of())), noticed);
    }

    private static Due job(List<Due> due, DueKind kind) {
        return due.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow(() ->
                new AssertionError("no " + kind + " in " + due));
    }

    @Test
    void aWaveInShadowRunsEachValidationThatHasAnEveryAndHearsWhenItsShadowEnds() {
        List<Due> due = Derivation.of(facts(plan("15m", "1d"), Phase.SHADOW, 0, null, Set.of()), NOW);
        Due validation = job(due, DueKind.VALIDATION);
        assertThat(validation.validation()).isEqualTo("orders-count");
        assertThat(validation.every()).isEqualTo(Duration.ofMinutes(15));
        assertThat(validation.start()).isEqualTo(SINCE.plus(Duration.ofMinutes(15)));
        assertThat(due).filteredOn(d -> d.kind() == DueKind.VALIDATION).hasSize(1);
        assertThat(job(due, DueKind.HOLD_ENDS).start()).isEqualTo(SINCE.plus(Duration.ofHours(3)));
        assertThat(job(due, DueKind.DIGEST).every()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aPeriodShorterThanTenSecondsRunsEveryTenSeconds() {
        Due validation = job(Derivation.of(facts(plan("2s", "1d"), Phase.SHADOW, 0, null, Set.of()), NOW),
                DueKind.VALIDATION);
        assertThat(validation.every()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aWaveBeforeShadowOrDecommissionedRunsNothingRecurring() {
        assertThat(Derivation.of(facts(plan("15m", "1d"), Phase.BACKFILL, 0, null, Set.of()), NOW))
                .noneMatch(d -> d.kind() == DueKind.VALIDATION);
        assertThat(Derivation.of(facts(plan("15m", "1d"), Phase.DECOMMISSIONED, 100, null, Set.of()), NOW))
                .noneMatch(d -> d.kind() == DueKind.VALIDATION || d.kind() == DueKind.HOLD_ENDS);
    }

    @Test
    void aRevisedPeriodGivesTheValidationANewPeriod() {
        Due before = job(Derivation.of(facts(plan("15m", "1d"), Phase.CANARY, 10, null, Set.of()), NOW),
                DueKind.VALIDATION);
        Due after = job(Derivation.of(facts(plan("5m", "1d"), Phase.CANARY, 10, null, Set.of()), NOW),
                DueKind.VALIDATION);
        assertThat(after.name()).isEqualTo(before.name());
        assertThat(after.every()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aWaveInCanaryHasItsGoNoGoReviewedADayBeforeTheNextWindowAndFreshEvidenceRunsAhead() {
        List<Due> due = Derivation.of(facts(plan("15m", "12h"), Phase.CANARY, 10, null, Set.of()), NOW);
        // the next window: Wednesday 2026-12-09 22:00 Berlin = 21:00 UTC
        Instant window = Instant.parse("2026-12-09T21:00:00Z");
        assertThat(job(due, DueKind.GO_NO_GO_REVIEW).start()).isEqualTo(window.minus(Duration.ofHours(24)));
        assertThat(job(due, DueKind.FRESH_EVIDENCE).start()).isEqualTo(window.minus(Duration.ofMinutes(30)));
        assertThat(job(due, DueKind.WINDOW_ENDS).start()).isEqualTo(window.plus(Duration.ofHours(3)));
        assertThat(job(due, DueKind.HOLD_ENDS).start()).isEqualTo(SINCE.plus(Duration.ofHours(24)));
        assertThat(job(due, DueKind.DIGEST).every()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void anOpenGoNoGoThatHasNotPassedRemindsFourHoursBeforeTheWindow() {
        List<Due> due = Derivation.of(facts(plan("15m", "1d"), Phase.CANARY, 50, NOW, Set.of()), NOW);
        assertThat(due).noneMatch(d -> d.kind() == DueKind.GO_NO_GO_REVIEW);
        assertThat(job(due, DueKind.GO_NO_GO_REMINDER).start()).isEqualTo(Instant.parse("2026-12-09T17:00:00Z"));
    }

    @Test
    void stabilizationEndsOnceAndANoticeGivenIsNotDueAgain() {
        MigrationPlan plan = plan("15m", "1d");
        Due ends = job(Derivation.of(facts(plan, Phase.STABILIZATION, 100, null, Set.of()), NOW),
                DueKind.STABILIZATION_ENDS);
        assertThat(ends.start()).isEqualTo(SINCE.plus(Duration.ofDays(7)));
        String key = "stabilization-ends:orders:" + ends.due();
        assertThat(Derivation.of(facts(plan, Phase.STABILIZATION, 100, null, Set.of(key)), NOW))
                .noneMatch(d -> d.kind() == DueKind.STABILIZATION_ENDS);
    }

    @Test
    void anAbortedMigrationHasNothingDue() {
        ScheduleFacts facts = facts(plan("15m", "1d"), Phase.SHADOW, 0, null, Set.of());
        assertThat(Derivation.of(new ScheduleFacts("crm", facts.plan(), true, facts.waves(), Set.of()), NOW))
                .isEmpty();
    }
}
