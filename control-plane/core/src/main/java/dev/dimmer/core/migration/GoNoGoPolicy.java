package dev.dimmer.core.migration;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.UnmetCondition;
import dev.dimmer.api.plan.Approval;
import dev.dimmer.api.plan.Gate;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.api.plan.PlanDuration;
import dev.dimmer.api.plan.Quorum;
import dev.dimmer.plan.HumanUnits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A step that people decide needs a passed go/no-go on that step: the cutover always (the approvals its gates ask
 * for, two approvers when they name none), and any other step whose gate asks for approvals (a lead's sign-off
 * before canary, approvers before decommission). Approvals come from distinct people, with no rejection, every
 * ballot younger than the gate's expiry (24h by default) at the time of the command. A wave has one go/no-go open
 * at a time, on its next step that needs one.
 */
final class GoNoGoPolicy {
    static final List<Approval> DEFAULT_QUORUM = List.of(new Approval(Role.APPROVER, 2));
    static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);

    private GoNoGoPolicy() {
    }

    /** Whether entering {@code phase} needs a passed go/no-go. */
    static boolean decided(MigrationPlan plan, String wave, Phase phase) {
        return phase == Phase.CUTOVER || !approvals(plan, wave, phase).isEmpty();
    }

    /** The next phase ahead of the wave that needs a go/no-go; empty when none does. */
    static Optional<Phase> nextDecision(MigrationPlan plan, Wave wave) {
        for (Phase phase = wave.phase().next().orElse(null); phase != null; phase = phase.next().orElse(null)) {
            if (decided(plan, wave.name(), phase)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }

    static List<Approval> quorum(MigrationPlan plan, String wave, Phase phase) {
        List<Approval> approvals = approvals(plan, wave, phase);
        return approvals.isEmpty() && phase == Phase.CUTOVER ? DEFAULT_QUORUM : approvals;
    }

    static Duration expiry(MigrationPlan plan, String wave, Phase phase) {
        return gates(plan, wave, phase).stream().map(Gate::expires).filter(e -> e != null && e.value() != null)
                .map(PlanDuration::value).findFirst().orElse(DEFAULT_EXPIRY);
    }

    /** The wave's go/no-go, still on a step ahead: votes on a step already taken are refused. */
    static GoNoGo requireUndecided(String migration, Wave wave) {
        GoNoGo open = wave.goNoGo();
        if (open == null) {
            throw new CommandRejectedException(RejectionCode.GO_NO_GO_NOT_PASSED, noneOpen(migration, wave, ""));
        }
        if (!wave.phase().isBefore(open.before())) {
            throw new CommandRejectedException(RejectionCode.GO_NO_GO_NOT_PASSED, String.format("the go/no-go on "
                    + "the %s of wave %s is over: the wave is in %s; a lead opens the next one with /gonogo %s %s or "
                    + "dimmer gonogo %s %s", open.before().label(), wave.name(), wave.phase(), migration,
                    wave.name(), migration, wave.name()));
        }
        return open;
    }

    /** A lead can open a go/no-go while a step that needs one lies ahead. */
    static Rule<WaveMove> decisionAhead() {
        return move -> nextDecision(move.plan(), move.wave()).isPresent() ? Optional.empty()
                : Optional.of(new UnmetCondition(RejectionCode.ILLEGAL_TRANSITION, String.format("wave %s is in %s; "
                + "no step ahead of it needs a go/no-go", move.wave().name(), move.wave().phase())));
    }

    /** Entering {@code phase}, when it needs a go/no-go, needs one on that step that has passed at the time of the command. */
    static Rule<WaveMove> passed(Phase phase) {
        return move -> {
            if (!decided(move.plan(), move.wave().name(), phase)) {
                return Optional.empty();
            }
            GoNoGo vote = move.wave().goNoGo();
            if (vote == null || vote.before() != phase) {
                return Optional.of(new UnmetCondition(RejectionCode.GO_NO_GO_NOT_PASSED,
                        noneOpen(move.migration(), move.wave(), phase == Phase.CUTOVER ? "" : " on its "
                                + phase.label() + " (" + Quorum.describe(quorum(move.plan(), move.wave().name(),
                                phase)) + ")")));
            }
            List<String> shortfall = vote.shortfall(move.at());
            return shortfall.isEmpty() ? Optional.empty() : Optional.of(new UnmetCondition(
                    RejectionCode.GO_NO_GO_NOT_PASSED, String.format("the go/no-go %s wave %s has not "
                    + "passed: %s (ballots count for %s)", phase == Phase.CUTOVER ? "for" : "on the " + phase.label()
                    + " of", move.wave().name(),
                    String.join("; ", shortfall), HumanUnits.format(vote.expiry()))));
        };
    }

    /** The cutover's go/no-go. */
    static Rule<WaveMove> passed() {
        return passed(Phase.CUTOVER);
    }

    private static String noneOpen(String migration, Wave wave, String step) {
        return String.format("wave %s has no open go/no-go%s; a lead opens one with /gonogo %s %s or "
                + "dimmer gonogo %s %s", wave.name(), step, migration, wave.name(), migration, wave.name());
    }

    private static List<Approval> approvals(MigrationPlan plan, String wave, Phase phase) {
        return gates(plan, wave, phase).stream().flatMap(g -> g.approvals().stream())
                .filter(a -> a != null && a.count() > 0).toList();
    }

    private static List<Gate> gates(MigrationPlan plan, String wave, Phase phase) {
        return plan.gates().stream().filter(g -> g.guards(phase, wave)).toList();
    }
}
