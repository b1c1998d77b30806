package dev.dimmer.projections.status;

import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.projections.EventFacts;
import dev.dimmer.projections.Views;
import jakarta.inject.Singleton;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/**
 * The status board: each migration and wave with its phase, weight, since when and by whom. What an event changes
 * is {@link StatusFold}'s to say; {@link StatusRows} writes it.
 */
@Singleton
@ProcessingGroup(Views.GROUP)
public class StatusProjection {
    private final StatusRows rows;

    public StatusProjection(ConnectionProvider connections) {
        this.rows = new StatusRows(connections);
    }

    // a domain event message: the board keeps each migration's version, the aggregate's sequence number
    @EventHandler
    void on(MigrationEvent event, DomainEventMessage<?> message) {
        for (StatusChange change : StatusFold.changes(EventFacts.of(event, message))) {
            rows.write(change);
        }
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }
}
