package dev.dimmer.projections.rebuild;

import dev.dimmer.projections.status.StatusProjection;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
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

    public RebuildingProjections(Configuration axon) {
        this.axon = axon;
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
        return new RebuildResult(StatusProjection.GROUP, headPosition + 1, (System.nanoTime() - started) / 1e9);
    }

    private static boolean caughtUp(Map<Integer, EventTrackerStatus> status, long headPosition) {
        if (status.isEmpty()) {
            return false;
        }
        return status.values().stream().allMatch(s -> headPosition < 0 && s.isCaughtUp()
                || s.getCurrentPosition().orElse(-1) >= headPosition);
    }
}
