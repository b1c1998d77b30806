package dev.dimmer.projections.web;

import dev.dimmer.api.status.FindMigrationQuery;
import dev.dimmer.api.status.FindMigrationsQuery;
import dev.dimmer.api.status.MigrationListView;
import dev.dimmer.api.status.MigrationStatusView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.exceptions.HttpStatusException;
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
        return queries.query(new FindMigrationQuery(migration), ResponseTypes.optionalInstanceOf(
                MigrationStatusView.class)).join().orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND,
                "no migration '" + migration + "'; list migrations with dimmer status"));
    }
}
