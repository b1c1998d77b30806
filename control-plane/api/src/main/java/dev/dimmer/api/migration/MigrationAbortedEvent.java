package dev.dimmer.api.migration;

import java.time.Instant;

/** The migration was ended; it takes no further commands. */
public record MigrationAbortedEvent(String migrationId, Instant at) implements MigrationEvent {
}
