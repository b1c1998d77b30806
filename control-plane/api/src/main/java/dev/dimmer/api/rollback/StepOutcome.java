package dev.dimmer.api.rollback;

/** What the executor reports of one step: it started, it succeeded, or it failed (after its own retries). */
public enum StepOutcome {
    STARTED, SUCCEEDED, FAILED
}
