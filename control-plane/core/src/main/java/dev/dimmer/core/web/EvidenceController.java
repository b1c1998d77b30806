package dev.dimmer.core.web;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.evidence.GateChecklistView;
import dev.dimmer.api.evidence.RequestValidationRunCommand;
import dev.dimmer.api.evidence.RunIds;
import dev.dimmer.api.evidence.ValidationRunAccepted;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.Ids;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.core.evidence.MigrationReader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.Clock;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Evidence over HTTP: start a run of a wave's validations (202 with the run id; the runner executes it and records
 * each result), and the checklist of a wave's next transition as the gate would judge it now.
 */
@Controller("/api/migrations/{migration}/waves/{wave}")
@ExecuteOn(TaskExecutors.BLOCKING)
final class EvidenceController {
    private final HttpCommands commands;
    private final MigrationReader migrations;
    private final Clock clock;

    EvidenceController(HttpCommands commands, MigrationReader migrations, Clock clock) {
        this.commands = commands;
        this.migrations = migrations;
        this.clock = clock;
    }

    @Post(uri = "/validations", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> validate(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                             @Nullable @Body ValidationRunRequest body) {
        ValidationRunRequest asked = body == null ? new ValidationRunRequest(null, null) : body;
        Actor actor = actor(request);
        String runId = RunIds.next(clock, actor.id(), request.getHeaders().get(CommandHeaders.IDEMPOTENCY_KEY));
        String reason = asked.reason() == null || asked.reason().isBlank() ? "validation run requested"
                : asked.reason();
        return commands.send(request, reason, p -> new RequestValidationRunCommand(migration, wave, runId,
                        asked.only(), p), ValidationRunAccepted.class,
                accepted -> HttpResponse.status(HttpStatus.ACCEPTED).body(accepted).headers(h -> h.location(
                        URI.create("/api/migrations/" + migration + "/validations/runs/" + accepted.runId()))));
    }

    @Get("/gate")
    GateChecklistView gate(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave) {
        actor(request);
        Ids.requireMigrationId(migration);
        Ids.requireWaveName(wave);
        try {
            return migrations.read(migration, m -> m.checklist(wave, clock.instant()));
        } catch (AggregateNotFoundException e) {
            throw new CommandRejectedException(RejectionCode.UNKNOWN_MIGRATION, "no migration '" + migration
                    + "'; list migrations with dimmer status");
        }
    }

    private static Actor actor(HttpRequest<?> request) {
        return request.getAttribute(Actor.REQUEST_ATTRIBUTE, Actor.class).orElseThrow(() ->
                new HttpStatusException(HttpStatus.UNAUTHORIZED, "no authenticated actor on this request"));
    }
}
