package dev.dimmer.api.plan;

import java.util.List;
import java.util.Map;

/**
 * Who hears what, and when.
 *
 * @param cadence       per phase (planned, backfill, shadow, canary, cutover, stabilization) how often updates go
 *                      out, e.g. {@code canary: 1d}
 * @param goNoGoReview  how long before cutover the go/no-go review happens, e.g. {@code 24h}
 */
public record Communication(String channel, List<Stakeholder> stakeholders, Map<String, PlanDuration> cadence,
                            PlanDuration goNoGoReview) {
    public static final Communication NONE = new Communication(null, null, null, null);

    public Communication {
        stakeholders = Lists.of(stakeholders);
        cadence = cadence == null ? Map.of() : Map.copyOf(cadence);
    }
}
