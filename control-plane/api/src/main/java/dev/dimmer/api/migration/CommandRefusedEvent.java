package dev.dimmer.api.migration;

import java.time.Instant;

/** Someone tried something and was refused; the event's metadata says who, through what and when. */
public record CommandRefusedEvent(String migrationId, String attempted, String refusal, String actorId,
                                  Instant at) implements MigrationEvent {
}
