package dev.dimmer.core.rollback;

import dev.dimmer.api.rollback.RunPurpose;

/**
 * The idempotency key of a runbook step: the same for every attempt of the step, on every node and after a
 * restart, and different for every other step. Migration ids and wave names are slugs, so the key is readable.
 */
final class StepKeys {
    private StepKeys() {
    }

    static String of(String migration, String wave, RunPurpose purpose, int run, int step) {
        return "dimmer:" + migration + ":" + wave + ":" + purpose.label() + ":" + run + ":" + step;
    }
}
