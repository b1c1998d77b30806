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
import dev.dimmer.plan.HumanUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A cutover needs a passed go/no-go: the approvals the plan's cutover gate asks for (two approvers when it names
 * none), from distinct people, no rejection, and every ballot younger than the gate's expiry (24h by default)
 * at the time of the cutover command.
 */
final class GoNoGoPolicy {
    static final List<Approval> DEFAULT_QUORUM = List.of(new Approval(Role.APPROVER, 2));
    static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);

    private GoNoGoPolicy() {
    }

    static List<Approval> quorum(MigrationPlan plan, String wave) {
        List<Approval> approvals = cutoverGates(plan, wave).stream().flatMap(g -> g.approvals().stream())
                .filter(a -> a.count() > 0).toList();
        return approvals.isEmpty() ? DEFAULT_QUORUM : approvals;
    }

    static Duration expiry(MigrationPlan plan, String wave) {
        return cutoverGates(plan, wave).stream().map(Gate::expires).filter(e -> e != null && e.value() != null)
                .map(PlanDuration::value).findFirst().orElse(DEFAULT_EXPIRY);
    }

    static GoNoGo requireOpen(String migration, Wave wave) {
        if (wave.goNoGo() == null) {
            throw new CommandRejectedException(RejectionCode.GO_NO_GO_NOT_PASSED, noneOpen(migration, wave));
        }
        return wave.goNoGo();
    }

    /** The wave's go/no-go is open and has passed at the time of the command. */
    static Rule<WaveMove> passed() {
        return move -> {
            GoNoGo vote = move.wave().goNoGo();
            if (vote == null) {
                return Optional.of(new UnmetCondition(RejectionCode.GO_NO_GO_NOT_PASSED,
                        noneOpen(move.migration(), move.wave())));
            }
            List<String> shortfall = vote.shortfall(move.at());
            return shortfall.isEmpty() ? Optional.empty() : Optional.of(new UnmetCondition(
                    RejectionCode.GO_NO_GO_NOT_PASSED, String.format("the go/no-go for wave %s has not passed: %s "
                    + "(ballots count for %s)", move.wave().name(), String.join("; ", shortfall),
                    HumanUnits.format(vote.expiry()))));
        };
    }

    private static String noneOpen(String migration, Wave wave) {
        return String.format("wave %s has no open go/no-go; a lead opens one with /gonogo %s %s or dimmer gonogo %s %s",
                wave.name(), migration, wave.name(), migration, wave.name());
    }

    private static List<Gate> cutoverGates(MigrationPlan plan, String wave) {
        return plan.gates().stream().filter(g -> g.guards(Phase.CUTOVER, wave)).toList();
    }
}
