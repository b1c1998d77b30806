package dev.dimmer.core.web;

import dev.dimmer.api.actor.Provenance;
import dev.dimmer.api.migration.AbortMigrationCommand;
import dev.dimmer.api.migration.AdvanceWaveCommand;
import dev.dimmer.api.migration.ApplyPlanCommand;
import dev.dimmer.api.migration.PlanApplied;
import dev.dimmer.api.migration.RollBackWaveCommand;
import dev.dimmer.api.migration.StartCutoverCommand;
import dev.dimmer.api.migration.WaveState;
import dev.dimmer.api.plan.MigrationPlan;
import dev.dimmer.plan.PlanLoadResult;
import dev.dimmer.plan.PlanLoader;
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
import java.time.Clock;

/** The write side of the API: register or revise a plan, and act on waves and migrations. */
@Controller("/api/migrations")
@ExecuteOn(TaskExecutors.BLOCKING)
final class MigrationCommandController {
    static final String CHANNEL_HEADER = "X-Dimmer-Channel";
    private final HttpCommands commands;
    private final PlanLoader plans = new PlanLoader();
    private final Clock clock;

    MigrationCommandController(HttpCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Post(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_JSON}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> applyPlan(HttpRequest<?> request, @Body byte[] body,
                              @Nullable @Header("X-Dimmer-Source") String source,
                              @Nullable @Header("X-Dimmer-Reason") String reason,
                              @Nullable @Header(CHANNEL_HEADER) String channel) {
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
        Provenance provenance = Requests.provenance(request, reason == null || reason.isBlank()
                ? "plan applied" : reason, channel, clock);
        return commands.send(request, new ApplyPlanCommand(plan.slug(), plan, provenance), PlanApplied.class,
                applied -> applied.outcome() == PlanApplied.Outcome.REGISTERED
                        ? HttpResponse.created(applied, URI.create("/api/migrations/" + plan.slug()))
                        : HttpResponse.ok(applied));
    }

    @Post(uri = "/{migration}/waves/{wave}/advance", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> advance(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                      @Nullable @Body WaveActionRequest body, @Nullable @Header(CHANNEL_HEADER) String channel) {
        WaveActionRequest action = orEmpty(body);
        return commands.send(request, new AdvanceWaveCommand(migration, wave, action.weight(),
                Requests.provenance(request, action.reason(), channel, clock)), WaveState.class);
    }

    @Post(uri = "/{migration}/waves/{wave}/weight", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> weight(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                     @Nullable @Body WaveActionRequest body, @Nullable @Header(CHANNEL_HEADER) String channel) {
        WaveActionRequest action = orEmpty(body);
        if (action.weight() == null) {
            throw new dev.dimmer.api.migration.CommandRejectedException(
                    dev.dimmer.api.migration.RejectionCode.INVALID_COMMAND,
                    "setting the canary weight needs a weight, e.g. {\"weight\": 25, \"reason\": \"...\"}");
        }
        return advance(request, migration, wave, action, channel);
    }

    @Post(uri = "/{migration}/waves/{wave}/cutover", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> cutover(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                      @Nullable @Body WaveActionRequest body, @Nullable @Header(CHANNEL_HEADER) String channel) {
        return commands.send(request, new StartCutoverCommand(migration, wave,
                Requests.provenance(request, orEmpty(body).reason(), channel, clock)), WaveState.class);
    }

    @Post(uri = "/{migration}/waves/{wave}/rollback", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> rollback(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                       @Nullable @Body WaveActionRequest body, @Nullable @Header(CHANNEL_HEADER) String channel) {
        return commands.send(request, new RollBackWaveCommand(migration, wave,
                Requests.provenance(request, orEmpty(body).reason(), channel, clock)), WaveState.class);
    }

    @Post(uri = "/{migration}/abort", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> abort(HttpRequest<?> request, @PathVariable String migration,
                          @Nullable @Body WaveActionRequest body, @Nullable @Header(CHANNEL_HEADER) String channel) {
        return commands.send(request, new AbortMigrationCommand(migration,
                Requests.provenance(request, orEmpty(body).reason(), channel, clock)), Object.class,
                nothing -> HttpResponse.ok(java.util.Map.of("migration_id", migration, "state", "aborted")));
    }

    private static WaveActionRequest orEmpty(WaveActionRequest body) {
        return body == null ? new WaveActionRequest(null, null) : body;
    }
}
