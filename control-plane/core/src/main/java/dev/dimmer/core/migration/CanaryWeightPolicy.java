package dev.dimmer.core.migration;

/**
 * The canary weight only grows, and never past the plan's next step: a wave may pause between steps (say 25% on
 * the way to 50%) but cannot skip one.
 */
final class CanaryWeightPolicy {
    private CanaryWeightPolicy() {
    }

    static void checkEntry(String migration, Wave wave, int weight) {
        if (weight < 1 || weight > wave.firstCanaryStep()) {
            throw Refusals.invalid("wave %s enters CANARY at 1..%d%% (its first canary step), not %d%%",
                    wave.name(), wave.firstCanaryStep(), weight);
        }
    }

    static int nextStep(String migration, Wave wave) {
        return wave.nextCanaryStep().orElseThrow(() -> Refusals.illegal(
                "wave %s is at its last canary step (%d%%); the next step is cutover", wave.name(), wave.weight()));
    }

    static void checkRaise(String migration, Wave wave, int weight) {
        if (weight <= wave.weight()) {
            throw Refusals.invalid("wave %s is at canary %d%%; the weight only grows (asked %d%%); roll back to go down",
                    wave.name(), wave.weight(), weight);
        }
        int limit = wave.nextCanaryStep().orElseThrow(() -> Refusals.illegal(
                "wave %s is at its last canary step (%d%%); the next step is cutover", wave.name(), wave.weight()));
        if (weight > limit) {
            throw Refusals.invalid("wave %s is at canary %d%%; the next step is %d%%, so %d%% would skip it",
                    wave.name(), wave.weight(), limit, weight);
        }
    }
}
