package dev.dimmer.projections.web;

import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.Ids;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.status.FindMigrationQuery;
import dev.dimmer.api.status.FindMigrationsQuery;
import dev.dimmer.api.status.MigrationListView;
import dev.dimmer.api.status.MigrationStatusView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** The status board over HTTP. */
@Controller("/api/migrations")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StatusController {
    private final QueryGateway queries;

    StatusController(QueryGateway queries) {
        this.queries = queries;
    }

    @Get
    MigrationListView list(HttpRequest<?> request) {
        Readers.require(request);
        return queries.query(new FindMigrationsQuery(), MigrationListView.class).join();
    }

    @Get("/{migration}")
    MigrationStatusView one(HttpRequest<?> request, @PathVariable String migration) {
        Readers.require(request);
        return find(queries, migration);
    }

    /** A migration's status, or the 404 that status and audit share for a migration never registered. */
    static MigrationStatusView find(QueryGateway queries, String migration) {
        Ids.requireMigrationId(migration);
        return queries.query(new FindMigrationQuery(migration), ResponseTypes.optionalInstanceOf(
                MigrationStatusView.class)).join().orElseThrow(() -> new CommandRejectedException(
                RejectionCode.UNKNOWN_MIGRATION, "no migration '" + migration
                + "'; list migrations with dimmer status"));
    }
}
