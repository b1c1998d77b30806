package dev.dimmer.core.axon;

import dev.dimmer.api.status.HandlerFailureView;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Remembers each processor's last failure, then lets it through: the processor gives the batch up and tries it
 * again later (with back-off), so an event is never skipped, and operators see why a view stands still. A handler
 * that throws is remembered with its event; writes that fail as the batch commits, with the batch's first event.
 */
@Singleton
public final class HandlerFailures {
    private final Map<String, Failure> last = new ConcurrentHashMap<>();
    private final Clock clock;

    public HandlerFailures(Clock clock) {
        this.clock = clock;
    }

    /** The error handler for the handlers of one processing group (each group has a processor of its name). */
    ListenerInvocationErrorHandler handlerErrors(String group) {
        return (Exception exception, EventMessage<?> event, EventMessageHandler handler) -> {
            last.put(group, new Failure(exception, view(exception, event)));
            throw exception;
        };
    }

    /** The error handler of every processor: a batch rolled back. */
    ErrorHandler batchErrors() {
        return (ErrorContext context) -> {
            Throwable error = context.error();
            List<? extends EventMessage<?>> events = context.failedEvents();
            last.compute(context.eventProcessor(), (name, known) -> known != null && known.cause() == error ? known
                    : new Failure(error, view(error, events.isEmpty() ? null : events.get(0))));
            if (error instanceof Error e) {
                throw e;
            }
            throw error instanceof Exception e ? e : new IllegalStateException(error);
        };
    }

    public Optional<HandlerFailureView> last(String processor) {
        return Optional.ofNullable(last.get(processor)).map(Failure::view);
    }

    private HandlerFailureView view(Throwable error, EventMessage<?> event) {
        Long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                && tracked.trackingToken().position().isPresent() ? tracked.trackingToken().position().getAsLong()
                : null;
        return new HandlerFailureView(clock.instant(), position,
                event == null ? null : event.getPayloadType().getSimpleName(), String.valueOf(error.getMessage()));
    }

    private record Failure(Throwable cause, HandlerFailureView view) {
    }
}
