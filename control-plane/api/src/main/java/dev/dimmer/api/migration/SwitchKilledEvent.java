package dev.dimmer.api.migration;

import java.time.Instant;

/**
 * A wave's routing switch was forced to {@code source}; the wave's phase is unchanged. The switch serves
 * {@code source} until the wave next moves forward (an advance, a weight raise or a cutover). The reason is the
 * command's, in the event's metadata.
 */
public record SwitchKilledEvent(String migrationId, String wave, String routingSwitch, Instant at)
        implements WaveFact {
}
