package dev.dimmer.projections.rebuild;

import dev.dimmer.projections.status.StatusProjection;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Rebuilds the status and audit views from the log: stops their processor, resets its tokens (the reset handlers
 * empty the tables), starts it again and waits until it has caught up with the head of the log as it was.
 */
@Singleton
public class RebuildingProjections {
    private final Configuration axon;
    private final ConnectionProvider connections;

    public RebuildingProjections(Configuration axon, ConnectionProvider connections) {
        this.axon = axon;
        this.connections = connections;
    }

    public RebuildResult rebuild(Duration timeout) throws InterruptedException {
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(StatusProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + StatusProjection.GROUP));
        TrackingToken head = axon.eventStore().createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        long started = System.nanoTime();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        long deadline = started + timeout.toNanos();
        while (!caughtUp(processor.processingStatus(), headPosition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not catch up within " + timeout.toSeconds()
                        + " s; it goes on in the background");
            }
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new RebuildResult(StatusProjection.GROUP, replayed(), seconds);
    }

    /** Every event of the log is a migration event and gets one audit row, so the audit rows count the replay. */
    private long replayed() {
        try (Connection c = connections.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM audit_entry")) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the rebuilt audit entries: " + e.getMessage(), e);
        }
    }

    private static boolean caughtUp(Map<Integer, EventTrackerStatus> status, long headPosition) {
        if (status.isEmpty()) {
            return false;
        }
        return status.values().stream().allMatch(s -> headPosition < 0 && s.isCaughtUp()
                || s.getCurrentPosition().orElse(-1) >= headPosition);
    }
}
