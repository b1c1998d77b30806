package dev.dimmer.projections.audit;

import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.projections.EventFacts;
import dev.dimmer.projections.Views;
import jakarta.inject.Singleton;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The audit trail: every event of every migration with its place in the log, who caused it, through what, why,
 * the correlation and causation ids, and the event itself as JSON ({@link AuditFold}). Keyed by the event's own
 * global index, so replays add nothing twice and no event takes another's place.
 */
@Singleton
@ProcessingGroup(Views.GROUP)
public class AuditProjection {
    private final AuditRows rows;

    public AuditProjection(ConnectionProvider connections) {
        this.rows = new AuditRows(connections);
    }

    @EventHandler
    void on(MigrationEvent event, EventMessage<?> message) {
        rows.add(AuditFold.entry(EventFacts.of(event, message)));
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }
}
