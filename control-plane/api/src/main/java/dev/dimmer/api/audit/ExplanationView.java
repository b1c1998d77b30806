package dev.dimmer.api.audit;

import dev.dimmer.api.migration.UnmetCondition;
import dev.dimmer.api.status.WaveStatusView;
import java.util.List;

/**
 * What an actor saw when they acted: the event, and the migration just before it (replayed up to the event before).
 * {@code wave} and {@code goNoGo} are the event's wave and its open go/no-go then (for a vote: the ballots already
 * cast), null for an event about no wave or a wave with no open vote; {@code unmet} lists what a refused command did
 * not meet.
 */
public record ExplanationView(String migrationId, ExplainedEventView event, WaveStatusView wave,
                              GoNoGoAsOfView goNoGo, List<UnmetCondition> unmet, MigrationAsOfView before) {
    public ExplanationView {
        unmet = unmet == null ? List.of() : List.copyOf(unmet);
    }
}
