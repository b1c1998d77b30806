package dev.dimmer.projections.web;

import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.Ids;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.status.FindMigrationQuery;
import dev.dimmer.api.status.FindMigrationsQuery;
import dev.dimmer.api.status.MigrationListView;
import dev.dimmer.api.status.MigrationStatusView;
import dev.dimmer.projections.instant.Cutoff;
import dev.dimmer.projections.instant.PointInTime;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/** The status board over HTTP. */
@Controller("/api/migrations")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StatusController {
    private final QueryGateway queries;
    private final PointInTime pointInTime;

    StatusController(QueryGateway queries, PointInTime pointInTime) {
        this.queries = queries;
        this.pointInTime = pointInTime;
    }

    @Get
    MigrationListView list(HttpRequest<?> request) {
        Readers.require(request);
        return queries.query(new FindMigrationsQuery(), MigrationListView.class).join();
    }

    /** The live board, or with {@code at} (an instant or a log position) the board as it was then, replayed. */
    @Get("/{migration}")
    HttpResponse<?> one(HttpRequest<?> request, @PathVariable String migration, @Nullable @QueryValue String at) {
        Readers.require(request);
        MigrationStatusView live = find(queries, migration);
        if (at == null) {
            return HttpResponse.ok(live);
        }
        Cutoff cutoff;
        try {
            cutoff = Cutoff.parse(at);
        } catch (IllegalArgumentException e) {
            return ReadProblem.of(request, HttpStatus.BAD_REQUEST, "invalid-instant", "at: " + e.getMessage());
        }
        return pointInTime.asOf(migration, cutoff).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() ->
                ReadProblem.of(request, HttpStatus.NOT_FOUND, "unknown-migration", "migration '" + migration
                        + "' was not registered yet at " + at + "; its audit trail shows when it was"));
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
