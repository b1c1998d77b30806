package dev.dimmer.core.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import dev.dimmer.core.axon.ForwardingEventStorage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** The storage engine with the notary after every append, in the same transaction; snapshots are not leaves. */
public final class NotarisingEventStorage extends ForwardingEventStorage {
    private final TransactionManager transactions;
    private final ConnectionProvider connections;
    private final Notary notary;

    public NotarisingEventStorage(EventStorageEngine delegate, TransactionManager transactions,
                                  ConnectionProvider connections, Notary notary) {
        super(delegate);
        this.transactions = transactions;
        this.connections = connections;
        this.notary = notary;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        // joins the unit of work's transaction; opens one around both writes when there is none
        transactions.executeInTransaction(() -> {
            delegate.appendEvents(events);
            try (Connection connection = connections.getConnection()) {
                notary.record(connection, events.stream().map(EventMessage::getIdentifier).toList());
            } catch (SQLException e) {
                throw new IllegalStateException("could not notarise " + events.size() + " events: " + e.getMessage(), e);
            }
        });
    }
}
