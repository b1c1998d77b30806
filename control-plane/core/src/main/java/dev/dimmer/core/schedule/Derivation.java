package dev.dimmer.core.schedule;

import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.ValidationPlan;
import dev.dimmer.api.plan.WavePlan;
import dev.dimmer.api.schedule.DueKind;
import dev.dimmer.core.migration.Moments;
import dev.dimmer.core.migration.ScheduleFacts;
import dev.dimmer.core.migration.ScheduleFacts.WaveFacts;
import dev.dimmer.plan.CutoverCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What is due for a migration, derived from its plan and where its waves stand at {@code now}. A pure function:
 * the same facts give the same jobs, so deriving again after any event (a plan revision, a phase change) rewrites
 * only what changed, and a job's fire time never moves unless its rule did.
 */
public final class Derivation {
    /** The shortest period a recurring validation runs at; plans and trials may use it. */
    public static final Duration SHORTEST = Duration.ofSeconds(10);
    static final Duration DEFAULT_REVIEW = Duration.ofHours(24);
    static final Duration REMINDER = Duration.ofHours(4);
    static final Duration RETENTION_NOTICE = Duration.ofHours(24);
    static final Duration FRESH_RUN_AHEAD = Duration.ofMinutes(30);
    // an expiring ballot is announced this long ahead, or half its lifetime ahead when that is shorter
    static final Duration VOTE_NOTICE = Duration.ofHours(4);
    // an auto-advancing wave whose hold is over is looked at this often until its evidence is green
    static final Duration AUTO_ADVANCE_CHECK = Duration.ofSeconds(30);

    private Derivation() {
    }

    public static List<Due> of(ScheduleFacts facts, Instant now) {
        List<Due> due = new ArrayList<>();
        if (facts.aborted() || facts.plan() == null) {
            return due;
        }
        MigrationPlan plan = facts.plan();
        ZoneId zone = Moments.zone(plan);
        CutoverCalendar calendar = new CutoverCalendar(plan.windows());
        Optional<ZonedDateTime> window = calendar.openAt(now).or(() -> calendar.nextOpening(now));
        for (WaveFacts wave : facts.waves()) {
            WavePlan wavePlan = plan.wave(wave.name()).orElse(null);
            if (wavePlan == null) {
                continue;
            }
            validations(plan, wave, due);
            holds(facts, wavePlan, wave, now, zone, due);
            afterCutover(facts, wavePlan, wave, zone, due);
            window.ifPresent(opening -> review(facts, wave, opening, now, zone, due));
            votes(facts, wave, now, zone, due);
        }
        window.ifPresent(opening -> due.add(windowEnd(calendar, opening, zone)));
        digest(plan, facts, now, due);
        due.sort(Comparator.comparing(Due::name));
        return due;
    }

    /** SHADOW through STABILIZATION: the phases in which a wave's recurring validations run. */
    static boolean validating(Phase phase) {
        return !phase.isBefore(Phase.SHADOW) && phase.isBefore(Phase.DECOMMISSIONED);
    }

    private static void validations(MigrationPlan plan, WaveFacts wave, List<Due> due) {
        if (!validating(wave.phase())) {
            return;
        }
        for (ValidationPlan validation : plan.validationsOf(wave.name())) {
            Duration every = PlanDuration.orZero(validation.every());
            if (every.isZero()) {
                continue;
            }
            Duration period = every.compareTo(SHORTEST) < 0 ? SHORTEST : every;
            due.add(new Due(DueKind.VALIDATION, wave.name(), validation.name(), "every " + validation.every()
                    + " while " + wave.name() + " is in SHADOW through STABILIZATION",
                    (wave.since() == null ? Instant.EPOCH : wave.since()).plus(period), period, null));
        }
    }

    private static void holds(ScheduleFacts facts, WavePlan wavePlan, WaveFacts wave, Instant now, ZoneId zone,
                              List<Due> due) {
        if (wave.phase() == Phase.SHADOW && wave.shadowSince() != null) {
            Duration shadow = PlanDuration.orZero(wavePlan.shadow());
            Instant ends = wave.shadowSince().plus(shadow);
            if (!shadow.isZero()) {
                once(facts, due, new Due(DueKind.HOLD_ENDS, wave.name(), null, "shadow " + wavePlan.shadow()
                        + " from " + Moments.when(wave.shadowSince(), Instant.EPOCH, zone), ends,
                        wavePlan.advancesByItself() ? AUTO_ADVANCE_CHECK : null, ends));
            }
        }
        boolean nextStep = wavePlan.canarySteps().stream().anyMatch(step -> step > wave.weight());
        Duration hold = PlanDuration.orZero(wavePlan.hold());
        // a canary without a hold may be raised at once: nothing to announce, unless the wave raises itself
        if (wave.phase() == Phase.CANARY && nextStep && wave.since() != null
                && (!hold.isZero() || wavePlan.advancesByItself())) {
            Instant ends = wave.since().plus(hold);
            once(facts, due, new Due(DueKind.HOLD_ENDS, wave.name(), null, "hold " + (hold.isZero() ? "none"
                    : wavePlan.hold()) + " at " + wave.weight() + "% from "
                    + Moments.when(wave.since(), Instant.EPOCH, zone)
                    + (wavePlan.advancesByItself() ? "; auto_advance when the evidence is green" : ""), ends,
                    wavePlan.advancesByItself() ? AUTO_ADVANCE_CHECK : null, ends));
        }
    }

    private static void afterCutover(ScheduleFacts facts, WavePlan wavePlan, WaveFacts wave, ZoneId zone,
                                     List<Due> due) {
        Duration period = PlanDuration.orZero(wavePlan.stabilization());
        if (wave.phase() == Phase.STABILIZATION && wave.since() != null && !period.isZero()) {
            Instant ends = wave.since().plus(period);
            once(facts, due, new Due(DueKind.STABILIZATION_ENDS, wave.name(), null, "stabilization "
                    + wavePlan.stabilization() + " from " + Moments.when(wave.since(), ends, zone), ends, null, ends));
        }
        Duration retention = PlanDuration.orZero(facts.plan().rollback().retention());
        if (wave.cutoverAt() != null && !retention.isZero() && !wave.phase().isBefore(Phase.CUTOVER)) {
            Instant ends = wave.cutoverAt().plus(retention);
            Instant notice = ends.minus(RETENTION_NOTICE).isBefore(wave.cutoverAt()) ? wave.cutoverAt()
                    : ends.minus(RETENTION_NOTICE);
            once(facts, due, new Due(DueKind.RETENTION_ENDS, wave.name(), null, "retention "
                    + facts.plan().rollback().retention() + " after the cutover at " + Moments.when(wave.cutoverAt(),
                    ends, zone) + ", announced a day ahead", notice, null, ends));
        }
    }

    private static void review(ScheduleFacts facts, WaveFacts wave, ZonedDateTime opening, Instant now, ZoneId zone,
                               List<Due> due) {
        if (wave.phase() != Phase.CANARY) {
            return;
        }
        MigrationPlan plan = facts.plan();
        Duration lead = plan.communication().goNoGoReview() == null ? DEFAULT_REVIEW
                : PlanDuration.orZero(plan.communication().goNoGoReview());
        Instant opens = opening.toInstant();
        // rules are worded without the time of derivation, so deriving again on another day changes nothing
        String window = "the window at " + Moments.when(opens, Instant.EPOCH, zone);
        if (wave.goNoGoOpenedAt() == null) {
            due.add(new Due(DueKind.GO_NO_GO_REVIEW, wave.name(), null, "go/no-go review "
                    + (plan.communication().goNoGoReview() == null ? "24h" : plan.communication().goNoGoReview())
                    + " before " + window, opens.minus(lead), null, opens));
        } else if (!wave.goNoGoPassed()) {
            once(facts, due, new Due(DueKind.GO_NO_GO_REMINDER, wave.name(), null, "approvers who have not voted, 4h "
                    + "before " + window, opens.minus(REMINDER), null, opens));
        }
        List<String> gated = plan.gates().stream().filter(g -> g.guards(Phase.CUTOVER, wave.name()))
                .flatMap(g -> g.validations().stream()).distinct().toList();
        if (!gated.isEmpty() && staleBy(plan, wave, opens)) {
            due.add(new Due(DueKind.FRESH_EVIDENCE, wave.name(), null, "the cutover gate's evidence is stale by "
                    + window + "; runs again 30m ahead", opens.minus(FRESH_RUN_AHEAD), null, opens));
        }
    }

    /** How long before a ballot expires the thread hears of it: 4h, or half the ballots' lifetime when shorter. */
    static Duration voteNotice(Duration expiry) {
        Duration half = expiry.dividedBy(2);
        return half.compareTo(VOTE_NOTICE) < 0 ? half : VOTE_NOTICE;
    }

    /**
     * The ballots of a wave's open go/no-go, one job per kind for the soonest not yet announced: that a ballot will
     * expire (ahead of time, while it still counts), and that it expired when the go/no-go passed until then and
     * no longer does. A vote cast again replaces the ballot and its expiry; the jobs are derived again on every vote.
     */
    private static void votes(ScheduleFacts facts, WaveFacts wave, Instant now, ZoneId zone, List<Due> due) {
        for (ScheduleFacts.Expiry expiry : wave.expiries()) {
            if (!expiry.at().isAfter(now) || facts.noticed(DueKind.VOTE_EXPIRES.label() + ":" + wave.name() + ":"
                    + expiry.at())) {
                continue;
            }
            Duration ahead = voteNotice(expiry.expiry());
            due.add(new Due(DueKind.VOTE_EXPIRES, wave.name(), null, expiry.voterName() + "'s " + expiry.ballot()
                    + " on the " + expiry.step() + " expires at " + Moments.when(expiry.at(), Instant.EPOCH, zone)
                    + "; announced " + Moments.span(ahead) + " ahead", expiry.at().minus(ahead), null, expiry.at()));
            break;
        }
        for (ScheduleFacts.Expiry expiry : wave.expiries()) {
            if (!expiry.dropsQuorum() || facts.noticed(DueKind.VOTE_EXPIRED.label() + ":" + wave.name() + ":"
                    + expiry.at())) {
                continue;
            }
            due.add(new Due(DueKind.VOTE_EXPIRED, wave.name(), null, expiry.voterName() + "'s " + expiry.ballot()
                    + " on the " + expiry.step() + " expires at " + Moments.when(expiry.at(), Instant.EPOCH, zone)
                    + " and the go/no-go then lacks: " + String.join("; ", expiry.shortfallAfter()),
                    expiry.at(), null, expiry.at()));
            break;
        }
    }

    /** Whether a validation the wave's cutover gates name would be older than its freshness at the opening. */
    static boolean staleBy(MigrationPlan plan, WaveFacts wave, Instant opening) {
        for (Gate gate : plan.gates()) {
            if (!gate.guards(Phase.CUTOVER, wave.name())) {
                continue;
            }
            for (String name : gate.validations()) {
                Optional<ValidationPlan> validation = plan.validation(name);
                ScheduleFacts.Result latest = wave.latest().get(name);
                if (validation.isEmpty()) {
                    continue;
                }
                Duration fresh = ScheduleFacts.freshness(gate, validation.get());
                if (latest == null || !latest.status().equals("passed")
                        || latest.at().plus(fresh).isBefore(opening)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Due windowEnd(CutoverCalendar calendar, ZonedDateTime opening, ZoneId zone) {
        Instant closes = opening.toInstant().plus(calendar.length());
        return new Due(DueKind.WINDOW_ENDS, null, null, "the window opened at " + Moments.when(opening.toInstant(),
                closes, zone) + " closes after " + calendar.length().toString().substring(2).toLowerCase(Locale.ROOT)
                + "; a cutover still running then is overrunning", closes, null, closes);
    }

    private static void digest(MigrationPlan plan, ScheduleFacts facts, Instant now, List<Due> due) {
        Map<String, PlanDuration> cadence = plan.communication().cadence();
        Duration shortest = null;
        String phase = null;
        for (WaveFacts wave : facts.waves()) {
            PlanDuration every = cadence.get(wave.phase().label());
            if (every != null && every.value() != null && !every.value().isZero()
                    && (shortest == null || every.value().compareTo(shortest) < 0)) {
                shortest = every.value();
                phase = wave.phase().label() + " " + every;
            }
        }
        if (shortest != null) {
            Duration period = shortest.compareTo(SHORTEST) < 0 ? SHORTEST : shortest;
            due.add(new Due(DueKind.DIGEST, null, null, "communication.cadence: " + phase + " (the shortest of the "
                    + "waves' phases)", now.plus(period), period, null));
        }
    }

    // a one-off job whose notice was given already is not due again
    private static void once(ScheduleFacts facts, List<Due> due, Due job) {
        String key = job.kind().label() + ":" + (job.wave() == null ? "" : job.wave()) + ":" + job.due();
        if (job.recurring() || !facts.noticed(key)) {
            due.add(job);
        }
    }
}
