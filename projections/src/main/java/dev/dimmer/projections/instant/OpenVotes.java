package dev.dimmer.projections.instant;

import dev.dimmer.api.audit.GoNoGoAsOfView;
import dev.dimmer.api.migration.BallotView;
import dev.dimmer.api.migration.GoNoGoOpenedEvent;
import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.api.migration.PlanRevisedEvent;
import dev.dimmer.api.migration.VoteCastEvent;
import dev.dimmer.api.migration.WaveRolledBackEvent;
import dev.dimmer.api.plan.WavePlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The go/no-go votes open on a migration's waves, by the aggregate's rules: a vote opens with its quorum, a second
 * ballot of a voter replaces the first, a cutover uses the vote up and a rollback voids it; a revised plan that no
 * longer names a wave drops its vote.
 */
final class OpenVotes {
    private final Map<String, GoNoGoAsOfView> open = new LinkedHashMap<>();
    private final Map<String, dev.dimmer.api.migration.Phase> decides = new LinkedHashMap<>();

    void apply(MigrationEvent event) {
        if (event instanceof GoNoGoOpenedEvent opened) {
            boolean passed = opened.quorum().stream().allMatch(a -> a.count() == 0);
            open.put(opened.wave(), new GoNoGoAsOfView(opened.wave(), opened.at(), opened.quorum(), opened.expiry(),
                    List.of(), 0, 0, passed));
            decides.put(opened.wave(), opened.before());
        } else if (event instanceof VoteCastEvent vote && open.containsKey(vote.wave())) {
            GoNoGoAsOfView before = open.get(vote.wave());
            List<BallotView> ballots = new ArrayList<>(before.ballots());
            ballots.removeIf(b -> b.voterId().equals(vote.voterId()));
            ballots.add(new BallotView(vote.voterId(), vote.voterName(), vote.vote(), vote.comment(), vote.at()));
            open.put(vote.wave(), new GoNoGoAsOfView(vote.wave(), before.openedAt(), before.quorum(),
                    before.expiry(), ballots, vote.approvals(), vote.rejections(), vote.passed()));
        } else if (event instanceof dev.dimmer.api.migration.WaveEvent moved && decides.containsKey(moved.wave())
                && !moved.phase().isBefore(decides.get(moved.wave())) && !(event instanceof WaveRolledBackEvent)) {
            // entering the step the vote decided uses it up
            open.remove(moved.wave());
        } else if (event instanceof WaveRolledBackEvent rollback) {
            open.remove(rollback.wave());
        } else if (event instanceof PlanRevisedEvent revised) {
            Set<String> named = revised.plan().waves().stream().map(WavePlan::name).collect(Collectors.toSet());
            open.keySet().retainAll(named);
        }
    }

    GoNoGoAsOfView of(String wave) {
        return open.get(wave);
    }

    /** The open votes in the order of the given waves. */
    List<GoNoGoAsOfView> inOrder(List<String> waves) {
        return waves.stream().filter(open::containsKey).map(open::get).toList();
    }
}
