package dev.dimmer.projections.web;

import dev.dimmer.api.evidence.FindValidationReportQuery;
import dev.dimmer.api.evidence.FindValidationRunsQuery;
import dev.dimmer.api.evidence.ValidationReportView;
import dev.dimmer.api.evidence.ValidationRunsView;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.Ids;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.status.MigrationStatusView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.axonframework.queryhandling.QueryGateway;

/** The validation report over HTTP: per wave the latest result of every validation, and the history of runs. */
@Controller("/api/migrations/{migration}/validations")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ValidationReportController {
    private final QueryGateway queries;

    ValidationReportController(QueryGateway queries) {
        this.queries = queries;
    }

    @Get
    ValidationReportView report(HttpRequest<?> request, @PathVariable String migration,
                                @Nullable @QueryValue String wave) {
        Readers.require(request);
        requireWave(StatusController.find(queries, migration), wave);
        return queries.query(new FindValidationReportQuery(migration, wave), ValidationReportView.class).join();
    }

    @Get("/runs")
    ValidationRunsView runs(HttpRequest<?> request, @PathVariable String migration, @Nullable @QueryValue String wave,
                            @Nullable @QueryValue Integer limit) {
        Readers.require(request);
        requireWave(StatusController.find(queries, migration), wave);
        return queries.query(new FindValidationRunsQuery(migration, wave, limit == null ? 20 : limit),
                ValidationRunsView.class).join();
    }

    @Get("/runs/{run}")
    ValidationRunsView run(HttpRequest<?> request, @PathVariable String migration, @PathVariable String run) {
        Readers.require(request);
        StatusController.find(queries, migration);
        ValidationRunsView found = queries.query(new dev.dimmer.api.evidence.FindValidationRunQuery(migration, run),
                ValidationRunsView.class).join();
        if (found.runs().isEmpty()) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_MIGRATION, "migration " + migration
                    + " has no validation run '" + run + "'; list its runs with dimmer report " + migration
                    + " --runs");
        }
        return found;
    }

    private static void requireWave(MigrationStatusView status, String wave) {
        if (wave == null) {
            return;
        }
        Ids.requireWaveName(wave);
        if (status.waves().stream().noneMatch(w -> w.name().equals(wave))) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_WAVE, "migration " + status.id()
                    + " has no wave '" + wave + "'; its waves are " + String.join(", ",
                    status.waves().stream().map(w -> w.name()).toList()));
        }
    }
}
