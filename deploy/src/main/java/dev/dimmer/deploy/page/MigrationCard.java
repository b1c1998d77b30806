package dev.dimmer.deploy.page;

/**
 * One migration as the overview shows it: waves as dimmers, the next cutover window, open go/no-go votes, the
 * latest failing check, and the last change with who made it.
 */
public record MigrationCard(String id, String title, String state, String href, java.time.Instant updatedAt, String updatedBy, long position, java.util.List<WaveBar> waves, String nextWindow, java.util.List<String> openVotes, FailingCheck failing) {
}
