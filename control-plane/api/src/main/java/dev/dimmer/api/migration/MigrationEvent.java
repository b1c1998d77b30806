package dev.dimmer.api.migration;

import java.time.Instant;

/** A fact about a migration; {@code at} is the time of the command that caused it. */
public interface MigrationEvent {
    String migrationId();

    Instant at();
}
