package dev.dimmer.core.migration;

import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.BallotView;
import dev.dimmer.api.migration.GoNoGoState;
import dev.dimmer.api.migration.Phase;
import dev.dimmer.api.migration.Vote;
import dev.dimmer.plan.HumanUnits;
import dev.dimmer.api.plan.Approval;
import dev.dimmer.api.plan.Quorum;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wave's open go/no-go on entering {@code before}: the quorum it needs, how long ballots count, and each voter's latest ballot (a second
 * ballot replaces the first, so nobody counts twice).
 */
record GoNoGo(Instant openedAt, List<Approval> quorum, Duration expiry, Map<String, Ballot> ballots, Phase before) {
    GoNoGo {
        quorum = List.copyOf(quorum);
        ballots = new LinkedHashMap<>(ballots);
    }

    GoNoGo with(String voterId, Ballot ballot) {
        Map<String, Ballot> next = new LinkedHashMap<>(ballots);
        next.remove(voterId);
        next.put(voterId, ballot);
        return new GoNoGo(openedAt, quorum, expiry, next, before);
    }

    long count(Vote vote, Instant now) {
        return ballots.values().stream().filter(b -> b.vote() == vote && b.countsAt(now, expiry)).count();
    }

    boolean passedAt(Instant now) {
        return shortfall(now).isEmpty();
    }

    /** What keeps the vote from passing at {@code now}; empty when it passed. */
    List<String> shortfall(Instant now) {
        List<String> missing = new ArrayList<>();
        ballots.values().stream().filter(b -> b.vote() == Vote.REJECT && b.countsAt(now, expiry)).forEach(b ->
                missing.add(b.voterName() + " rejected it" + (b.comment().isBlank() ? "" : " (" + b.comment() + ")")));
        for (Approval approval : quorum) {
            long approving = approvingWith(approval.role(), now);
            if (approving < approval.count()) {
                missing.add(String.format("it has %d of %d approvals from %ss", approving, approval.count(),
                        approval.role().label()));
            }
        }
        return missing;
    }

    GoNoGoState state(String migration, String wave, Instant now) {
        String needs = Quorum.describe(quorum);
        List<BallotView> views = ballots.entrySet().stream().map(e -> new BallotView(e.getKey(),
                e.getValue().voterName(), e.getValue().vote(), e.getValue().comment(), e.getValue().at())).toList();
        List<String> missing = shortfall(now);
        return new GoNoGoState(migration, wave, needs, HumanUnits.format(expiry), views, missing.isEmpty(), missing,
                before.label());
    }

    private long approvingWith(Role role, Instant now) {
        return ballots.values().stream()
                .filter(b -> b.vote() == Vote.APPROVE && b.countsAt(now, expiry) && b.roles().contains(role))
                .count();
    }
}
