package dev.dimmer.core.schedule;

import dev.dimmer.core.migration.Moments;
import dev.dimmer.core.migration.ScheduleFacts.Expiry;
import dev.dimmer.core.migration.ScheduleFacts.WaveFacts;
import dev.dimmer.plan.HumanUnits;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What the thread hears about go/no-go ballots that stop counting: ahead of time, whose ballot expires when and what
 * the go/no-go would have then; at the time, that the go/no-go no longer passes. Several ballots expiring at the
 * same moment are one notice. Nothing is said about a ballot cast again since (its expiry moved).
 */
final class VoteNotices {
    private VoteNotices() {
    }

    static Optional<String> expiring(WaveFacts wave, Instant due, Instant now, ZoneId zone, String migration) {
        List<Expiry> expiring = at(wave, due);
        if (expiring.isEmpty()) {
            return Optional.empty();
        }
        Expiry first = expiring.get(0);
        String then = first.shortfallAfter().isEmpty() ? "the go/no-go still passes without "
                + (expiring.size() == 1 ? "it" : "them")
                : "the go/no-go would not pass: " + String.join("; ", first.shortfallAfter());
        return Optional.of(who(expiring) + " on the " + first.step() + " of " + wave.name() + " expire"
                + (expiring.size() == 1 ? "s" : "") + " at " + Moments.when(due, now, zone) + ", "
                + Moments.fromNow(now, due) + " (ballots count for " + HumanUnits.format(first.expiry())
                + "); then " + then + ". A vote cast again counts anew: dimmer vote " + migration + " "
                + wave.name() + " approve|reject");
    }

    static Optional<String> expired(WaveFacts wave, Instant due, Instant now, ZoneId zone, String migration) {
        List<Expiry> expired = at(wave, due).stream().filter(Expiry::dropsQuorum).toList();
        if (expired.isEmpty()) {
            return Optional.empty();
        }
        Expiry first = expired.get(0);
        return Optional.of(who(expired) + " on the " + first.step() + " of " + wave.name() + " expired at "
                + Moments.when(due, now, zone) + " and the go/no-go no longer passes: "
                + String.join("; ", first.shortfallAfter()) + ". Approvers vote again with dimmer vote " + migration
                + " " + wave.name() + " approve");
    }

    private static List<Expiry> at(WaveFacts wave, Instant due) {
        return wave.expiries().stream().filter(e -> e.at().equals(due)).toList();
    }

    // "Bea Approver's approval", "Bea Approver's approval and Cai Approver's rejection"
    private static String who(List<Expiry> expiries) {
        return String.join(" and ", expiries.stream().map(e -> e.voterName() + "'s " + e.ballot()).toList());
    }
}
