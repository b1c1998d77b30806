package dev.dimmer.api.plan;

import java.util.List;

/**
 * What must hold before waves enter a phase.
 *
 * @param before            the phase the gate guards: shadow, canary, cutover or decommissioned
 * @param waves             the waves it applies to (all when empty)
 * @param validations       names of validations that must pass
 * @param approvals         approvals needed, by role
 * @param expires           how long passes and votes count, e.g. {@code 24h}
 * @param rehearsedRollback whether a rehearsed rollback must be on record
 */
public record Gate(String name, String before, List<String> waves, List<String> validations, List<Approval> approvals,
                   String expires, boolean rehearsedRollback) {
    public Gate {
        waves = Lists.of(waves);
        validations = Lists.of(validations);
        approvals = Lists.of(approvals);
    }
}
