package dev.dimmer.deploy.page;

/** One move of a wave on its timeline: when, to what, by whom and why; rollbacks marked. */
public record Moment(java.time.Instant at, PhaseStyle style, String what, String by, String reason, boolean rollback, long position) {
}
