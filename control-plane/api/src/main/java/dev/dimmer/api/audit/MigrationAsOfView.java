package dev.dimmer.api.audit;

import dev.dimmer.api.status.WaveStatusView;
import java.time.Instant;
import java.util.List;

/**
 * A migration as the status board showed it at a point of the log, replayed from its events: the fields of
 * {@link dev.dimmer.api.status.MigrationStatusView} in the same shape, the go/no-go votes open then, and where the
 * replay stopped. Gate checklists and the validation report join as fields of their own once they exist.
 */
public record MigrationAsOfView(String id, String title, String state, Instant updatedAt, String updatedBy,
                                long position, long version, List<WaveStatusView> waves,
                                List<GoNoGoAsOfView> goNoGo, AsOfView asOf) {
    public MigrationAsOfView {
        waves = List.copyOf(waves);
        goNoGo = List.copyOf(goNoGo);
    }
}
