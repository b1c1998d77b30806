package dev.dimmer.core.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** The storage engine with the notary after every append, in the same transaction; snapshots are not leaves. */
public final class NotarisingEventStorage implements EventStorageEngine {
    private final EventStorageEngine delegate;
    private final TransactionManager transactions;
    private final ConnectionProvider connections;
    private final Notary notary;

    public NotarisingEventStorage(EventStorageEngine delegate, TransactionManager transactions,
                                  ConnectionProvider connections, Notary notary) {
        this.delegate = delegate;
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

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
