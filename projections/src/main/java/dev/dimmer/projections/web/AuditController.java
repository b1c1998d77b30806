package dev.dimmer.projections.web;

import dev.dimmer.api.audit.AuditTrailView;
import dev.dimmer.api.audit.FindAuditTrailQuery;
import io.micronaut.core.annotation.Nullable;
import dev.dimmer.projections.instant.PointInTime;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.axonframework.queryhandling.QueryGateway;

/** A migration's audit trail over HTTP, oldest first; page with {@code after} (a position) and {@code limit}. */
@Controller("/api/migrations/{migration}/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AuditController {
    private final QueryGateway queries;
    private final PointInTime pointInTime;

    AuditController(QueryGateway queries, PointInTime pointInTime) {
        this.queries = queries;
        this.pointInTime = pointInTime;
    }

    @Get
    AuditTrailView trail(HttpRequest<?> request, @PathVariable String migration,
                         @Nullable @QueryValue Long after, @Nullable @QueryValue Integer limit) {
        Readers.require(request);
        StatusController.find(queries, migration);
        return queries.query(new FindAuditTrailQuery(migration, after == null ? -1 : after,
                limit == null ? 1000 : limit), AuditTrailView.class).join();
    }

    /** What the actor of one event saw when they acted: the event, and the migration just before it. */
    @Get("/explain")
    HttpResponse<?> explain(HttpRequest<?> request, @PathVariable String migration,
                            @Nullable @QueryValue String event) {
        Readers.require(request);
        StatusController.find(queries, migration);
        if (event == null || event.isBlank()) {
            return ReadProblem.of(request, HttpStatus.BAD_REQUEST, "invalid-event",
                    "event: give the event's id (the event_id of an audit entry), e.g. ?event=3f2a...");
        }
        return pointInTime.explain(migration, event.strip()).<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() ->
                ReadProblem.of(request, HttpStatus.NOT_FOUND, "unknown-event", "migration '" + migration
                        + "' has no event '" + event.strip() + "'; list its events with dimmer audit " + migration));
    }
}
