package dev.dimmer.api.status;

/** Asks for one migration's status; answered with an optional {@link MigrationStatusView}. */
public record FindMigrationQuery(String migrationId) {
}
