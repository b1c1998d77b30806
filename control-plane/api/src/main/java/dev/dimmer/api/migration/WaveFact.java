package dev.dimmer.api.migration;

/** A fact about one wave of a migration, whether or not it moves the wave (a go/no-go does not). */
public interface WaveFact extends MigrationEvent {
    String wave();
}
