package dev.dimmer.core.web;

import dev.dimmer.api.status.FindMigrationQuery;
import dev.dimmer.api.status.MigrationStatusView;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a command over HTTP, waits (briefly) until the status view has taken in the migration's latest event, so
 * that a `dimmer status` right after `dimmer advance` shows the step. The views follow the log within
 * milliseconds. The command is done by then: if the view lags longer, or cannot be read at all (the database is
 * restarting), the answer still goes out and says the view is catching up.
 */
@Singleton
final class ReadYourWrites {
    private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);
    private final Configuration axon;
    private final QueryGateway queries;
    private final Duration patience;

    ReadYourWrites(Configuration axon, QueryGateway queries,
                   @Value("${dimmer.api.read-your-writes:2s}") Duration patience) {
        this.axon = axon;
        this.queries = queries;
        this.patience = patience;
    }

    /** @return whether the status view has the migration's latest event; false if it lags or cannot be read */
    boolean await(String migrationId) {
        try {
            return caughtUp(migrationId);
        } catch (RuntimeException e) {
            LOG.warn("the status view of {} could not be read after a stored command: {}", migrationId,
                    e.toString());
            return false;
        }
    }

    private boolean caughtUp(String migrationId) {
        Optional<Long> last = axon.eventStore().lastSequenceNumberFor(migrationId);
        if (last.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<MigrationStatusView> view = queries.query(new FindMigrationQuery(migrationId),
                    ResponseTypes.optionalInstanceOf(MigrationStatusView.class)).join();
            if (view.isPresent() && view.get().version() >= last.get()) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
