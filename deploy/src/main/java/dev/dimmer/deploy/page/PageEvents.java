package dev.dimmer.deploy.page;

import dev.dimmer.api.migration.MigrationEvent;
import dev.dimmer.projections.Views;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Which migrations changed, for the pages' live parts. It handles the events in the views' own processing group
 * and tells only after the batch commits, so a page that reloads on the news reads views that already hold the
 * change. A node tells the pages it serves of every change its views take in, whichever node made it.
 */
@Singleton
@ProcessingGroup(Views.GROUP)
public class PageEvents {
    private final Sinks.Many<String> changed = Sinks.many().multicast().directBestEffort();

    @EventHandler
    void on(MigrationEvent event) {
        String migration = event.migrationId();
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> tell(migration));
        } else {
            tell(migration);
        }
    }

    private synchronized void tell(String migration) {
        changed.tryEmitNext(migration);
    }

    /** The ids of migrations as they change. */
    Flux<String> changes() {
        return changed.asFlux();
    }
}
