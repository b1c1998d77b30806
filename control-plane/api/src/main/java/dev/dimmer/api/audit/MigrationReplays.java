package dev.dimmer.api.audit;

import dev.dimmer.api.evidence.GateChecklistView;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The migration aggregate rebuilt in memory from its own events, one at a time, as a point-in-time replay reads
 * them, so that its gate checklists can be judged as they stood then, by the same rules the commands met. Nothing is
 * stored; the core provides it.
 */
public interface MigrationReplays {
    Replay start();

    interface Replay {
        /** The migration's next event, in sequence. */
        void apply(DomainEventMessage<?> event);

        /** Every wave's next transition as a checklist, judged at {@code at}; empty before the registration. */
        List<GateChecklistView> checklists(Instant at);
    }
}
