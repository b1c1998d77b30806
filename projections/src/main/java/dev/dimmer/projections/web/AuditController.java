package dev.dimmer.projections.web;

import dev.dimmer.api.audit.AuditTrailView;
import dev.dimmer.api.audit.FindAuditTrailQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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

    AuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @Get
    AuditTrailView trail(HttpRequest<?> request, @PathVariable String migration,
                         @Nullable @QueryValue Long after, @Nullable @QueryValue Integer limit) {
        Readers.require(request);
        StatusController.find(queries, migration);
        return queries.query(new FindAuditTrailQuery(migration, after == null ? -1 : after,
                limit == null ? 1000 : limit), AuditTrailView.class).join();
    }
}
