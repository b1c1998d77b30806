package dev.dimmer.core.axon;

import dev.dimmer.api.audit.AuditMetadata;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The JDBC storage engine with each event's own global index put on it as it is read
 * ({@link AuditMetadata#POSITION}). A gap-aware token's position is the highest index seen, so an event that fills a
 * gap (committed after one with a higher index, as concurrent commands on different migrations do) arrives with its
 * neighbour's position; keyed by that, its audit row collided and was dropped. The own index is the token's index
 * when the stream moved forward, the one gap the event's token closed when it filled one, and, in the rare case where
 * the store also dropped timed-out gaps in the same step, read from the event table by the event's identifier.
 */
final class PositionedEventStorage extends ForwardingEventStorage {
    private final ConnectionProvider connections;
    private final String lookup;

    PositionedEventStorage(EventStorageEngine delegate, ConnectionProvider connections, String eventTable,
                           String globalIndexColumn, String eventIdentifierColumn) {
        super(delegate);
        this.connections = connections;
        this.lookup = "SELECT " + globalIndexColumn + " FROM " + eventTable + " WHERE " + eventIdentifierColumn
                + " = ?";
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Placer placer = new Placer(gapAware(trackingToken));
        return delegate.readEvents(trackingToken, mayBlock).map(placer::place);
    }

    private final class Placer {
        private GapAwareTrackingToken previous;

        Placer(GapAwareTrackingToken start) {
            this.previous = start;
        }

        TrackedEventMessage<?> place(TrackedEventMessage<?> message) {
            GapAwareTrackingToken token = gapAware(message.trackingToken());
            long own = token == null ? lookUp(message) : ownIndex(previous, token, message);
            if (token != null) {
                previous = token;
            }
            return (TrackedEventMessage<?>) message.andMetaData(Map.of(AuditMetadata.POSITION, own));
        }

        private long ownIndex(GapAwareTrackingToken before, GapAwareTrackingToken after, EventMessage<?> message) {
            if (before == null || after.getIndex() > before.getIndex()) {
                return after.getIndex();
            }
            SortedSet<Long> closed = new TreeSet<>(before.getGaps());
            closed.removeAll(after.getGaps());
            return closed.size() == 1 ? closed.first() : lookUp(message);
        }
    }

    private long lookUp(EventMessage<?> message) {
        try (Connection c = connections.getConnection(); PreparedStatement s = c.prepareStatement(lookup)) {
            s.setString(1, message.getIdentifier());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return r.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the global index of event " + message.getIdentifier()
                    + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("event " + message.getIdentifier() + " is not in the event table");
    }

    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        return token == null ? null : WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElse(null);
    }
}
