package dev.dimmer.plan.render;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The latest recorded result of each validation, as a control plane reported it at {@code asOf}, so a runbook can
 * show next to each gate's criterion where it stands. {@link #NONE} renders the plan alone, boxes left for the lead.
 */
public record RecordedEvidence(String source, Instant asOf, Map<String, Result> latest) {
    public static final RecordedEvidence NONE = new RecordedEvidence(null, null, Map.of());

    public RecordedEvidence {
        latest = Map.copyOf(latest);
    }

    /** One validation's latest result: passed, failed, errored; its summary is one line of figures. */
    public record Result(String status, Instant at, String summary) {
        public boolean passed() {
            return "passed".equals(status);
        }
    }

    public boolean recorded() {
        return asOf != null;
    }

    Optional<Result> of(String validation) {
        return Optional.ofNullable(latest.get(validation));
    }

    /** "passed 12 min ago", "failed 3 h ago: 3 rows differ", "no result yet". */
    String describe(String validation) {
        return of(validation).map(r -> r.status() + " " + ago(r.at())
                + ("passed".equals(r.status()) || r.summary() == null || r.summary().isBlank() ? ""
                : ": " + r.summary())).orElse("no result yet");
    }

    private String ago(Instant at) {
        if (at == null) {
            return "";
        }
        Duration age = Duration.between(at, asOf);
        if (age.isNegative() || age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toMinutes() < 120) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 48) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }
}
