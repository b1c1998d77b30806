package dev.dimmer.api.migration;

/** A fact about one wave, with the phase and read weight the wave has after it. */
public interface WaveEvent extends WaveFact {
    Phase phase();

    int weight();
}
