package dev.dimmer.api.rollback;

import dev.dimmer.api.migration.WaveFact;


/** A fact about a wave's runbook: it started, a step started, succeeded or failed, it completed, stalled or resumed. */
public interface RunbookEvent extends WaveFact {
    RunPurpose purpose();

    int run();
}
