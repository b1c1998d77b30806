package dev.dimmer.projections.web;

import dev.dimmer.api.evidence.FindValidationReportQuery;
import dev.dimmer.api.evidence.FindValidationRunsQuery;
import dev.dimmer.api.evidence.ValidationReportView;
import dev.dimmer.api.evidence.ValidationRunsView;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.Ids;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.status.MigrationStatusView;
import dev.dimmer.projections.evidence.RunCompletions;
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
    private static final java.time.Duration LONGEST_WAIT = java.time.Duration.ofSeconds(60);
    private static final java.time.Duration REREAD = java.time.Duration.ofMillis(250);
    private final QueryGateway queries;
    private final RunCompletions completions;

    ValidationReportController(QueryGateway queries, RunCompletions completions) {
        this.queries = queries;
        this.completions = completions;
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

    /**
     * One run. With {@code wait} (seconds, at most 60) the answer waits until the run is complete or the time is
     * up, whichever comes first: a client following a run asks once instead of polling.
     */
    @Get("/runs/{run}")
    ValidationRunsView run(HttpRequest<?> request, @PathVariable String migration, @PathVariable String run,
                           @Nullable @QueryValue String wait) {
        Readers.require(request);
        StatusController.find(queries, migration);
        long deadline = System.nanoTime() + waitOf(wait).toNanos();
        while (true) {
            java.util.concurrent.CompletableFuture<Void> change = completions.next();
            ValidationRunsView found = queries.query(new dev.dimmer.api.evidence.FindValidationRunQuery(migration,
                    run), ValidationRunsView.class).join();
            if (found.runs().isEmpty()) {
                throw new CommandRejectedException(RejectionCode.UNKNOWN_MIGRATION, "migration " + migration
                        + " has no validation run '" + run + "'; list its runs with dimmer report " + migration
                        + " --runs");
            }
            long left = deadline - System.nanoTime();
            if (found.runs().get(0).completedAt() != null || left <= 0) {
                return found;
            }
            RunCompletions.await(change, java.time.Duration.ofNanos(Math.min(left, REREAD.toNanos())));
        }
    }

    private static java.time.Duration waitOf(String wait) {
        if (wait == null || wait.isBlank()) {
            return java.time.Duration.ZERO;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})(ms|s)?").matcher(wait.strip());
        if (!m.matches()) {
            throw new CommandRejectedException(RejectionCode.INVALID_COMMAND, "wait=" + wait + " is not a time to "
                    + "wait; give seconds (wait=30 or wait=30s) or milliseconds (wait=500ms), at most 60 s");
        }
        long amount = Long.parseLong(m.group(1));
        java.time.Duration asked = "ms".equals(m.group(2)) ? java.time.Duration.ofMillis(amount)
                : java.time.Duration.ofSeconds(amount);
        return asked.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : asked;
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
