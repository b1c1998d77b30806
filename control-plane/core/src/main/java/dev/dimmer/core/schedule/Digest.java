package dev.dimmer.core.schedule;

import dev.dimmer.api.migration.PhaseWords;
import dev.dimmer.core.migration.Moments;
import dev.dimmer.core.migration.ScheduleFacts;
import dev.dimmer.core.migration.ScheduleFacts.WaveFacts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The status digest: per wave its phase, the results since the last digest, open votes; then the next window. */
final class Digest {
    private Digest() {
    }

    static String of(ScheduleFacts facts, Instant previous, Instant now) {
        ZoneId zone = Moments.zone(facts.plan());
        List<String> lines = new ArrayList<>();
        lines.add("Status of " + facts.migrationId() + (previous == null ? "" : " since "
                + Moments.when(previous, now, zone)) + ":");
        for (WaveFacts wave : facts.waves()) {
            int passed = 0;
            int other = 0;
            for (Map.Entry<String, ScheduleFacts.Result> result : wave.latest().entrySet()) {
                if (previous == null || result.getValue().at().isAfter(previous)) {
                    if (result.getValue().status().equals("passed")) {
                        passed++;
                    } else {
                        other++;
                    }
                }
            }
            String votes = wave.goNoGoOpenedAt() == null ? "" : wave.goNoGoPassed() ? "; go/no-go passed"
                    : "; go/no-go open, " + wave.voters().size() + " voted";
            lines.add("• " + wave.name() + ": " + PhaseWords.at(wave.phase(), wave.weight())
                    + (wave.since() == null ? "" : " since " + Moments.when(wave.since(), now, zone))
                    + "; validations since the last digest: " + passed + " passed, " + other + " failed or errored"
                    + votes);
        }
        DueActions.nextWindow(facts.plan(), now).ifPresent(window -> lines.add("Next cutover window: "
                + Moments.when(window, now, zone) + ", " + Moments.fromNow(now, window)));
        return String.join("\n", lines);
    }
}
