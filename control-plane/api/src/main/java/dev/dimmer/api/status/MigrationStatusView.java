package dev.dimmer.api.status;

import java.time.Instant;
import java.util.List;

/**
 * One migration as the status board shows it.
 *
 * @param state    {@code active} or {@code aborted}
 * @param position the global position of the last event the view has taken in
 */
public record MigrationStatusView(String id, String title, String state, Instant updatedAt, String updatedBy,
                                  long position, List<WaveStatusView> waves) {
    public MigrationStatusView {
        waves = List.copyOf(waves);
    }
}
