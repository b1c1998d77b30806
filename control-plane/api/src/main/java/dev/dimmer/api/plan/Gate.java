package dev.dimmer.api.plan;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dimmer.api.migration.Phase;
import java.util.List;
import java.util.Locale;

/**
 * What must hold before waves enter a phase.
 *
 * @param before            the phase the gate guards: backfill, shadow, canary, cutover, stabilization or
 *                          decommissioned; stored in lower case as the plan writes it, while events name the phases of
 *                          waves in capitals
 * @param waves             the waves it applies to (all when empty)
 * @param validations       names of validations that must pass
 * @param approvals         approvals needed, by role
 * @param expires           how long passes and votes count, e.g. {@code 24h}
 * @param rehearsedRollback whether a rehearsed rollback must be on record
 * @param freshWithin       how recent a named validation's passing result must be; when absent, twice the
 *                          validation's {@code every}, else 24h
 */
public record Gate(String name, Phase before, List<String> waves, List<String> validations,
                   List<Approval> approvals, PlanDuration expires, boolean rehearsedRollback,
                   PlanDuration freshWithin) {
    public Gate {
        waves = Lists.of(waves);
        validations = Lists.of(validations);
        approvals = Lists.of(approvals);
    }

    public Gate(String name, Phase before, List<String> waves, List<String> validations, List<Approval> approvals,
                PlanDuration expires, boolean rehearsedRollback) {
        this(name, before, waves, validations, approvals, expires, rehearsedRollback, null);
    }

    /**
     * Reads a gate as plans and stored events write it; a word that is no phase (the schema said so) is null.
     * Explicit names keep the plan binder's snake_case (the alias) and the events' camelCase both readable.
     */
    @JsonCreator
    static Gate read(@JsonProperty("name") String name, @JsonProperty("before") String before,
                     @JsonProperty("waves") List<String> waves, @JsonProperty("validations") List<String> validations,
                     @JsonProperty("approvals") List<Approval> approvals, @JsonProperty("expires") PlanDuration expires,
                     @JsonProperty("rehearsedRollback") @JsonAlias("rehearsed_rollback") boolean rehearsedRollback,
                     @JsonProperty("freshWithin") @JsonAlias("fresh_within") PlanDuration freshWithin) {
        return new Gate(name, phase(before), waves, validations, approvals, expires, rehearsedRollback, freshWithin);
    }

    @JsonGetter("before")
    String beforeWord() {
        return before == null ? null : before.label();
    }

    /** Whether the gate guards {@code wave}'s entry into {@code phase}. */
    public boolean guards(Phase phase, String wave) {
        return before == phase && (waves.isEmpty() || waves.contains(wave));
    }

    private static Phase phase(String word) {
        for (Phase phase : Phase.values()) {
            if (word != null && phase.label().equals(word.toLowerCase(Locale.ROOT))) {
                return phase;
            }
        }
        return null;
    }
}
