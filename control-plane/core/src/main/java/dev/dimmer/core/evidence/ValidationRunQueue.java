package dev.dimmer.core.evidence;

import dev.dimmer.api.audit.LogPosition;
import dev.dimmer.api.evidence.ValidationRunRequestedEvent;
import dev.dimmer.outbox.Outbox;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

/**
 * Queues each requested validation run for the runner, in the processor's transaction: the queue row commits with
 * the processor's token or not at all, so no request is lost or queued twice. Its own processing group, so a
 * rebuild of the views never re-queues old runs.
 */
@Singleton
@ProcessingGroup(ValidationRunQueue.GROUP)
public class ValidationRunQueue {
    public static final String GROUP = "validation-runner";
    static final String TOPIC = "validation-run";
    private final Outbox outbox;
    private final QueuedRuns queued;

    public ValidationRunQueue(ConnectionProvider connections, QueuedRuns queued) {
        this.outbox = new Outbox(connections::getConnection);
        this.queued = queued;
    }

    @EventHandler
    void on(ValidationRunRequestedEvent event, EventMessage<?> message) throws SQLException {
        if (event.validations().isEmpty()) {
            return;
        }
        outbox.enqueue(TOPIC, event.migrationId() + "/" + event.runId(), LogPosition.of(message),
                new RunRequest(event.migrationId(), event.wave(), event.runId()).json());
        queued.queued();
    }
}
