package dev.dimmer.api.status;

import java.time.Instant;
import java.util.List;

/**
 * One migration as the status board shows it.
 *
 * @param state    {@code active} or {@code aborted}
 * @param position the global position of the last event the view has taken in
 * @param version  the migration's own sequence number of that event (0 for its registration)
 */
public record MigrationStatusView(String id, String title, String state, Instant updatedAt, String updatedBy,
                                  long position, long version, List<WaveStatusView> waves) {
    public MigrationStatusView {
        waves = List.copyOf(waves);
    }
}
