package dev.dimmer.core.web;

import dev.dimmer.api.migration.AbortMigrationCommand;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.PlanApplied;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.migration.WaveState;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.plan.PlanLoadResult;
import dev.dimmer.plan.PlanLoader;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Map;

/** The write side of the API: register or revise a plan, and act on waves and migrations. One line each. */
@Controller("/api/migrations")
@ExecuteOn(TaskExecutors.BLOCKING)
final class MigrationCommandController {
    private final HttpCommands commands;
    private final PlanLoader plans = new PlanLoader();

    private final long maxPlanBytes;

    MigrationCommandController(HttpCommands commands,
                               @Value("${dimmer.plan.max-bytes:1048576}") long maxPlanBytes) {
        this.commands = commands;
        this.maxPlanBytes = maxPlanBytes;
    }

    @Post(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_JSON}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> applyPlan(HttpRequest<?> request, @Body byte[] body,
                              @Nullable @Header("X-Dimmer-Source") String source,
                              @Nullable @Header("X-Dimmer-Reason") String reason) {
        // a chunked body has no length for the gate to check
        if (body.length > maxPlanBytes) {
            return PlanGate.tooLarge(request, maxPlanBytes);
        }
        PlanLoadResult loaded = plans.load(source == null || source.isBlank() ? "request" : source, body);
        if (!loaded.valid()) {
            return Problems.respond(request, HttpStatus.UNPROCESSABLE_ENTITY, loaded.problems().size()
                            + " problem(s) in the plan; nothing was registered", "invalid-plan",
                    loaded.problems().stream().map(PlanProblemView::of).toList());
        }
        if (request.getHeaders().contains(CommandHeaders.IF_MATCH)) {
            return Problems.respond(request, HttpStatus.BAD_REQUEST, "If-Match is not taken when applying a plan "
                    + "(it registers or revises whatever is there); nothing was changed", "if-match-not-supported");
        }
        MigrationPlan plan = loaded.plan();
        return commands.send(request, reason == null || reason.isBlank() ? "plan applied" : reason,
                p -> new ApplyPlanCommand(plan.slug(), plan, p), PlanApplied.class,
                applied -> applied.outcome() == PlanApplied.Outcome.REGISTERED
                        ? HttpResponse.created(applied, URI.create("/api/migrations/" + plan.slug()))
                        : HttpResponse.ok(applied));
    }

    @Post(uri = "/{migration}/waves/{wave}/advance", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> advance(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                            @Nullable @Body WaveActionRequest body) {
        WaveActionRequest action = orEmpty(body);
        var overrides = action.overrides();
        return commands.send(request, action.reason(),
                p -> new AdvanceWaveCommand(migration, wave, action.weight(), p, overrides), WaveState.class);
    }

    @Post(uri = "/{migration}/waves/{wave}/weight", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> weight(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                           @Nullable @Body WaveActionRequest body) {
        if (orEmpty(body).weight() == null) {
            throw new CommandRejectedException(RejectionCode.INVALID_COMMAND,
                    "setting the canary weight needs a weight, e.g. {\"weight\": 25, \"reason\": \"...\"}");
        }
        return advance(request, migration, wave, body);
    }

    @Post(uri = "/{migration}/waves/{wave}/cutover", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> cutover(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                            @Nullable @Body WaveActionRequest body) {
        var overrides = orEmpty(body).overrides();
        return commands.send(request, orEmpty(body).reason(),
                p -> new StartCutoverCommand(migration, wave, p, overrides), WaveState.class);
    }

    @Post(uri = "/{migration}/waves/{wave}/rollback", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> rollback(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                             @Nullable @Body WaveActionRequest body) {
        return commands.send(request, orEmpty(body).reason(), p -> new RollBackWaveCommand(migration, wave, p),
                WaveState.class);
    }

    @Post(uri = "/{migration}/abort", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> abort(HttpRequest<?> request, @PathVariable String migration,
                          @Nullable @Body WaveActionRequest body) {
        return commands.send(request, orEmpty(body).reason(), p -> new AbortMigrationCommand(migration, p),
                Object.class, nothing -> HttpResponse.ok(Map.of("migration_id", migration, "state", "aborted")));
    }

    private static WaveActionRequest orEmpty(WaveActionRequest body) {
        return body == null ? new WaveActionRequest(null, null) : body;
    }
}
