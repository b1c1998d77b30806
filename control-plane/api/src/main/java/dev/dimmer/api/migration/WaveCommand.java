package dev.dimmer.api.migration;

/** A command to one wave of a migration. */
public interface WaveCommand extends MigrationCommand {
    String wave();
}
