package dev.dimmer.api.share;

import dev.dimmer.api.migration.MigrationEvent;
import java.time.Instant;

/** A share link was revoked before it expired; it opens nothing from {@code at} on. */
public record ShareLinkRevokedEvent(String migrationId, String linkId, Instant at) implements MigrationEvent {
}
