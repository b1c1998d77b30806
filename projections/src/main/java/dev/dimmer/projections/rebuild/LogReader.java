package dev.dimmer.projections.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.Iterator;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Reads the log from its start up to a position, on a thread of its own, straight from the storage engine (pages
 * of {@code dimmer.axon.fetch-size} events, gap-aware tokens as the processor gets them), and hands the events on
 * in batches with their payload and metadata already deserialised, so the handlers' thread spends its time in the
 * handlers.
 */
final class LogReader implements AutoCloseable {
    private static final List<TrackedEventMessage<?>> END = List.of();
    private final BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(4);
    private final EventStorageEngine log;
    private final long head;
    private final int batchSize;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean closed;

    LogReader(EventStorageEngine log, long head, int batchSize) {
        this.log = log;
        this.head = head;
        this.batchSize = batchSize;
        this.thread = new Thread(this::run, "dimmer-rebuild-reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** The next batch in log order, or null once the head has been passed on. */
    List<TrackedEventMessage<?>> next() throws InterruptedException {
        List<TrackedEventMessage<?>> batch = batches.take();
        if (batch == END) {
            Throwable cause = failure;
            if (cause != null) {
                throw new RebuildFailedException("could not read the event log: " + cause.getMessage(), cause);
            }
            return null;
        }
        return batch;
    }

    private void run() {
        if (head < 0) {
            hand(END);
            return;
        }
        try (Stream<? extends TrackedEventMessage<?>> stream = log.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            long position = -1;
            while (position < head && !closed && events.hasNext()) {
                TrackedEventMessage<?> message = events.next();
                message.getPayload();
                message.getMetaData();
                batch.add(message);
                position = TokenPosition.of(message.trackingToken());
                if (batch.size() == batchSize) {
                    hand(batch);
                    batch = new ArrayList<>(batchSize);
                }
            }
            if (!batch.isEmpty()) {
                hand(batch);
            }
        } catch (Throwable e) {
            // the handlers stop at END and throw this; what was queued before it is dropped
            failure = e;
            batches.clear();
        }
        hand(END);
    }

    private void hand(List<TrackedEventMessage<?>> batch) {
        try {
            while (!closed && !batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the handlers are behind; wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
