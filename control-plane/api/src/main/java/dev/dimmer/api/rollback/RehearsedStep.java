package dev.dimmer.api.rollback;

/** One step of a rehearsal as measured: its kind, what it did or why it failed, how long it took. */
public record RehearsedStep(int step, String kind, String description, boolean succeeded, long durationMillis,
                            String detail) {
}
