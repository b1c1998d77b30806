package dev.dimmer.api.status;

/** Asks for every migration's status; answered with a {@link MigrationListView}. */
public record FindMigrationsQuery() {
}
