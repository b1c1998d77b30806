package dev.dimmer.core.axon;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which can be told to read the log now. Its one reader thread fetches new events at
 * once after a commit on this node, but events another node appended only at its next poll (a second later): the
 * processors this node runs, among them the status view a command's answer waits for, trailed every command sent
 * to another node by up to that second. {@link ForeignAppends} calls {@link #fetchNow()} when another node says it
 * appended.
 */
final class PromptEventStore extends EmbeddedEventStore {
    PromptEventStore(Builder builder) {
        super(builder);
    }

    /** Wakes the store's reader as a local commit would: it reads what was appended since its last read. */
    void fetchNow() {
        afterCommit(List.of());
    }
}
