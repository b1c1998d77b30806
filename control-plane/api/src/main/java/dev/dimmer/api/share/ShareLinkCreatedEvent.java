package dev.dimmer.api.share;

import dev.dimmer.api.migration.MigrationEvent;
import java.time.Instant;

/** A read-only share link to the migration's status page was opened; who and why are in the metadata. */
public record ShareLinkCreatedEvent(String migrationId, String linkId, Instant expiresAt, Instant at)
        implements MigrationEvent {
}
