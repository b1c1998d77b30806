package dev.dimmer.core.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as pooled streaming processors read it, with a prompt wake-up. Axon's pooled coordinator looks at
 * an idle stream only every 500 ms unless the stream offers to call it back, and the event store's stream does not:
 * the status board trailed every command by up to half a second. This stream offers the call-back and keeps it by
 * looking, every few milliseconds, whether the store's reader has new events in memory for the stream's whole life (no query per look: the
 * reader is woken by local commits, and polls the database for other nodes' events on its own).
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
    private static final ScheduledExecutorService LOOKOUT = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dimmer-event-lookout");
        thread.setDaemon(true);
        return thread;
    });
    private final EventStore store;
    private final Duration interval;

    PromptEventSource(EventStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new Stream(store.openStream(token));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant at) {
        return store.createTokenAt(at);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    private final class Stream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private final AtomicReference<ScheduledFuture<?>> lookout = new AtomicReference<>();
        private volatile boolean closed;

        Stream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        /** Axon registers one call-back per stream and expects a call each time events become available. */
        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            long millis = interval.toMillis();
            boolean[] seen = {false};
            ScheduledFuture<?> started = LOOKOUT.scheduleWithFixedDelay(() -> {
                boolean available = !closed && delegate.hasNextAvailable();
                if (available && !seen[0]) {
                    callback.run();
                }
                seen[0] = available;
            }, millis, millis, TimeUnit.MILLISECONDS);
            ScheduledFuture<?> previous = lookout.getAndSet(started);
            if (previous != null) {
                previous.cancel(false);
            }
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> message) {
            delegate.skipMessagesWithPayloadTypeOf(message);
        }

        @Override
        public void close() {
            closed = true;
            ScheduledFuture<?> current = lookout.getAndSet(null);
            if (current != null) {
                current.cancel(false);
            }
            delegate.close();
        }
    }
}
