package dev.dimmer.core.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The event store as pooled streaming processors read it, with a prompt wake-up. Axon's pooled coordinator looks at
 * an idle stream only every 500 ms unless the stream offers to call it back, and the event store's stream does not:
 * the status board trailed every command by up to half a second. This stream offers the call-back and keeps it:
 * after every local commit that adds events it calls the coordinator back a few times over the next ~150 ms (the
 * store's reader fetches the new events on its own thread meanwhile). It never touches the store's stream itself,
 * which is not safe to share between threads. Events other nodes append arrive when {@link ForeignAppends} hears of them, else at the token claim interval.
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {
    private static final long[] WAKE_AFTER_MILLIS = {2, 10, 40, 150};
    private static final ScheduledExecutorService WAKER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dimmer-event-wakeup");
        thread.setDaemon(true);
        return thread;
    });
    private final EventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();

    PromptEventSource(EventStore store) {
        this.store = store;
        store.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(u -> wake());
            } else {
                wake();
            }
        });
    }

    /** Calls the processors back a few times over the next ~150 ms, while the store's reader fetches. */
    void wake() {
        for (long delay : WAKE_AFTER_MILLIS) {
            WAKER.schedule(() -> callbacks.forEach(Runnable::run), delay, TimeUnit.MILLISECONDS);
        }
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
        private Runnable callback;

        Stream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        /** Axon registers one call-back per stream and expects a call each time events may be available. */
        @Override
        public boolean setOnAvailableCallback(Runnable newCallback) {
            if (callback != null) {
                callbacks.remove(callback);
            }
            callback = newCallback;
            callbacks.add(newCallback);
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
            if (callback != null) {
                callbacks.remove(callback);
            }
            delegate.close();
        }
    }
}
