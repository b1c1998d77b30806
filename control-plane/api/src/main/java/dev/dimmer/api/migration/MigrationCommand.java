package dev.dimmer.api.migration;

import dev.dimmer.api.actor.Provenance;

/** A command to a migration: it names the migration and says who asks, through what, why and when. */
public interface MigrationCommand {
    String migrationId();

    Provenance provenance();
}
