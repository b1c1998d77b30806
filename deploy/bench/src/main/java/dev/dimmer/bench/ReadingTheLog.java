package dev.dimmer.bench;

import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The bare read of the log, the yardstick for a rebuild. Kept out of {@link BenchEventsCommand}: picocli reads
 * every command's method signatures when {@code dimmer} starts, and an Axon type there would load Axon for
 * {@code dimmer plan lint} too.
 */
final class ReadingTheLog {
    private ReadingTheLog() {
    }

    /** Events per second read from the log by the storage engine, deserialised, with nothing done with them. */
    static double eventsPerSecond(EventStorageEngine log) {
        long start = System.nanoTime();
        long events;
        try (Stream<? extends TrackedEventMessage<?>> stream = log.readEvents(null, false)) {
            events = stream.peek(m -> {
                m.getPayload();
                m.getMetaData();
            }).count();
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }
}
