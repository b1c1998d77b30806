package dev.dimmer.api.status;

/** The routing switch a wave's plan names, if any (an optional String answer), as the switches view knows it. */
public record FindWaveSwitchQuery(String migrationId, String wave) {
}
