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

/**
 * After a command over HTTP, waits (briefly) until the status view has taken in the migration's latest event, so
 * that a `dimmer status` right after `dimmer advance` shows the step. The views follow the log within
 * milliseconds; if they lag longer the answer goes out anyway, since the command itself is done.
 */
@Singleton
final class ReadYourWrites {
    private final Configuration axon;
    private final QueryGateway queries;
    private final Duration patience;

    ReadYourWrites(Configuration axon, QueryGateway queries,
                   @Value("${dimmer.api.read-your-writes:2s}") Duration patience) {
        this.axon = axon;
        this.queries = queries;
        this.patience = patience;
    }

    void await(String migrationId) {
        Optional<Long> last = axon.eventStore().lastSequenceNumberFor(migrationId);
        if (last.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<MigrationStatusView> view = queries.query(new FindMigrationQuery(migrationId),
                    ResponseTypes.optionalInstanceOf(MigrationStatusView.class)).join();
            if (view.isPresent() && view.get().version() >= last.get()) {
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
