package dev.dimmer.api.migration;

/** What a wave command left behind: the wave's phase and read weight, and the migration's new version. */
public record WaveState(String migrationId, String wave, Phase phase, int weight) {
}
