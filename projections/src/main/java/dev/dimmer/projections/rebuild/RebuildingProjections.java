package dev.dimmer.projections.rebuild;

import dev.dimmer.projections.jdbc.StatementBatch;
import dev.dimmer.api.audit.LogPosition;
import dev.dimmer.projections.Views;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

/**
 * Rebuilds the status and audit views from the log, in one transaction: stops their processor, claims its tokens,
 * empties the views through their reset handlers, replays every event up to the head of the log as it was when
 * the rebuild began through the same handlers the processor calls, stores the token of the last event replayed
 * and starts the processor again, which goes on with whatever was appended meanwhile.
 *
 * <p>Three threads share the work: one reads and deserialises the log, this one runs the handlers, and a writer
 * sends their writes to PostgreSQL. Until the commit, readers see the old views; if anything fails, the
 * transaction rolls back and the views and tokens are as they were.
 */
@Singleton
public class RebuildingProjections {
    private final Configuration axon;
    private final TransactionManager transactions;
    private final ConnectionProvider connections;
    private final int batchSize;
    private final int segments;

    public RebuildingProjections(Configuration axon, TransactionManager transactions, ConnectionProvider connections,
                                 @Value("${dimmer.rebuild.batch-size:2000}") int batchSize,
                                 @Value("${dimmer.axon.segments:1}") int segments) {
        this.axon = axon;
        this.transactions = transactions;
        this.connections = connections;
        this.batchSize = batchSize;
        this.segments = segments;
    }

    /** One rebuild at a time on a node; across nodes the claimed token rows keep a second one waiting. */
    public synchronized RebuildResult rebuild() throws InterruptedException {
        String name = Views.GROUP;
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + name));
        EventHandlerInvoker handlers = ((AbstractEventProcessor) processor).eventHandlerInvoker();
        TokenStore tokens = axon.eventProcessingConfiguration().tokenStore(name);
        long started = System.nanoTime();
        long head = TokenPosition.of(axon.eventStore().createHeadToken());
        boolean running = processor.isRunning();
        try {
            processor.shutDown();
            long events = replay(name, handlers, tokens, head);
            return new RebuildResult(name, events, (System.nanoTime() - started) / 1e9);
        } finally {
            if (running) {
                processor.start();
            }
        }
    }

    private long replay(String name, EventHandlerInvoker handlers, TokenStore tokens, long head)
            throws InterruptedException {
        ReplayWriter writer = new ReplayWriter(transactions, connections);
        boolean committed = false;
        try (LogReader reader = new LogReader(axon.getComponent(EventStorageEngine.class), head, batchSize)) {
            int[] claimed = claim(writer, name, tokens);
            writer.submit(c -> handlers.performReset());
            long events = 0;
            TrackingToken last = null;
            for (List<TrackedEventMessage<?>> batch = reader.next(); batch != null; batch = reader.next()) {
                handle(batch, handlers, writer);
                events += batch.size();
                last = batch.get(batch.size() - 1).trackingToken();
            }
            TrackingToken reached = last;
            writer.submit(c -> {
                for (int segment : claimed) {
                    tokens.storeToken(reached, name, segment);
                    tokens.releaseClaim(name, segment);
                }
            });
            writer.commit();
            committed = true;
            return events;
        } finally {
            if (!committed) {
                writer.abandon();
            }
        }
    }

    /**
     * Claims every segment of the processor in the writer's transaction, which keeps them until it ends, so no
     * other node takes one meanwhile. Answers the segments.
     */
    private int[] claim(ReplayWriter writer, String name, TokenStore tokens) {
        int[] existing = tokens.fetchSegments(name);
        int[] claimed = existing.length == 0 ? IntStream.range(0, segments).toArray() : existing;
        writer.submit(c -> {
            if (existing.length == 0) {
                tokens.initializeTokenSegments(name, segments);
            }
            for (int segment : claimed) {
                try {
                    tokens.fetchToken(name, segment);
                } catch (UnableToClaimTokenException e) {
                    throw new RebuildRefusedException("another node is processing the views (" + e.getMessage()
                            + "); run the rebuild on that node, or stop its processor and try again");
                }
            }
        });
        return claimed;
    }

    private static void handle(List<TrackedEventMessage<?>> batch, EventHandlerInvoker handlers,
                               ReplayWriter writer) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(batch);
        StatementBatch.redirect(unit, writer);
        ResultMessage<?> result = unit.executeWithResult(() -> {
            handlers.handle(unit.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            if (cause instanceof RebuildFailedException || cause instanceof RebuildRefusedException) {
                throw (RuntimeException) cause;
            }
            TrackedEventMessage<?> event = unit.getMessage();
            throw new RebuildFailedException("the event at position " + LogPosition.of(event) + " ("
                    + event.getPayloadType().getSimpleName() + ") failed in a projection: " + cause.getMessage(),
                    cause);
        }
    }
}
