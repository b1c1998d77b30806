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
import dev.dimmer.core.plan.PlanLoadResult;
import dev.dimmer.core.plan.PlanLoader;
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
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The write side of the API: register or revise a plan, and act on waves and migrations. */
@Controller("/api/migrations")
@ExecuteOn(TaskExecutors.BLOCKING)
final class MigrationCommandController {
    static final String CHANNEL_HEADER = "X-Dimmer-Channel";
    private final HttpCommands commands;
    private final PlanLoader plans = new PlanLoader();
    private final Clock clock;

    private final long maxPlanBytes;

    MigrationCommandController(HttpCommands commands, Clock clock,
                               @Value("${dimmer.plan.max-bytes:1048576}") long maxPlanBytes) {
        this.commands = commands;
        this.clock = clock;
        this.maxPlanBytes = maxPlanBytes;
    }

    @Post(consumes = {"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_JSON}, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> applyPlan(HttpRequest<?> request, @Body String body,
                              @Nullable @Header("X-Dimmer-Source") String source,
                              @Nullable @Header("X-Dimmer-Reason") String reason,
                              @Nullable @Header(CHANNEL_HEADER) String channel,
                              @Nullable @Header(Correlation.HEADER) String correlationId) {
        // a chunked body has no length for the gate to check
        if (body.length() > maxPlanBytes || body.getBytes(StandardCharsets.UTF_8).length > maxPlanBytes) {
            return PlanGate.tooLarge(request, maxPlanBytes);
        }
        PlanLoadResult loaded = plans.load(source == null || source.isBlank() ? "request" : source, body);
        if (!loaded.valid()) {
            return Problems.respond(request, HttpStatus.UNPROCESSABLE_ENTITY, loaded.problems().size()
                            + " problem(s) in the plan; nothing was registered", "invalid-plan",
                    loaded.problems().stream().map(PlanProblemView::of).toList());
        }
        MigrationPlan plan = loaded.plan();
        Provenance provenance = Requests.provenance(request, reason == null || reason.isBlank()
                ? "plan applied" : reason, channel, clock);
        HttpResponse<PlanApplied> applied = commands.send(plan.slug(), new ApplyPlanCommand(plan.slug(), plan, provenance),
                correlationId);
        if (applied.body().outcome() == PlanApplied.Outcome.REGISTERED) {
            return HttpResponse.created(applied.body(), URI.create("/api/migrations/" + plan.slug()))
                    .header(Correlation.HEADER, applied.header(Correlation.HEADER));
        }
        return applied;
    }

    @Post(uri = "/{migration}/waves/{wave}/advance", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<WaveState> advance(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                      @Nullable @Body WaveActionRequest body, @Nullable @Header(CHANNEL_HEADER) String channel,
                      @Nullable @Header(Correlation.HEADER) String correlationId) {
        WaveActionRequest action = orEmpty(body);
        return commands.send(migration, new AdvanceWaveCommand(migration, wave, action.weight(),
                Requests.provenance(request, action.reason(), channel, clock)), correlationId);
    }

    @Post(uri = "/{migration}/waves/{wave}/weight", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<WaveState> weight(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                     @Nullable @Body WaveActionRequest body, @Nullable @Header(CHANNEL_HEADER) String channel,
                     @Nullable @Header(Correlation.HEADER) String correlationId) {
        WaveActionRequest action = orEmpty(body);
        if (action.weight() == null) {
            throw new dev.dimmer.api.migration.CommandRejectedException(
                    dev.dimmer.api.migration.RejectionCode.INVALID_COMMAND,
                    "setting the canary weight needs a weight, e.g. {\"weight\": 25, \"reason\": \"...\"}");
        }
        return advance(request, migration, wave, action, channel, correlationId);
    }

    @Post(uri = "/{migration}/waves/{wave}/cutover", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<WaveState> cutover(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                      @Nullable @Body WaveActionRequest body, @Nullable @Header(CHANNEL_HEADER) String channel,
                      @Nullable @Header(Correlation.HEADER) String correlationId) {
        return commands.send(migration, new StartCutoverCommand(migration, wave,
                Requests.provenance(request, orEmpty(body).reason(), channel, clock)), correlationId);
    }

    @Post(uri = "/{migration}/waves/{wave}/rollback", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<WaveState> rollback(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                       @Nullable @Body WaveActionRequest body, @Nullable @Header(CHANNEL_HEADER) String channel,
                       @Nullable @Header(Correlation.HEADER) String correlationId) {
        return commands.send(migration, new RollBackWaveCommand(migration, wave,
                Requests.provenance(request, orEmpty(body).reason(), channel, clock)), correlationId);
    }

    @Post(uri = "/{migration}/abort", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> abort(HttpRequest<?> request, @PathVariable String migration,
                          @Nullable @Body WaveActionRequest body, @Nullable @Header(CHANNEL_HEADER) String channel,
                          @Nullable @Header(Correlation.HEADER) String correlationId) {
        HttpResponse<Object> sent = commands.send(migration, new AbortMigrationCommand(migration,
                Requests.provenance(request, orEmpty(body).reason(), channel, clock)), correlationId);
        return HttpResponse.ok(java.util.Map.of("migration_id", migration, "state", "aborted"))
                .header(Correlation.HEADER, sent.header(Correlation.HEADER));
    }

    private static WaveActionRequest orEmpty(WaveActionRequest body) {
        return body == null ? new WaveActionRequest(null, null) : body;
    }
}
