package dev.dimmer.core.web;

import dev.dimmer.api.actor.Actor;
import dev.dimmer.api.actor.ActorDirectory;
import dev.dimmer.api.actor.Role;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.rollback.RecordDryRunCommand;
import dev.dimmer.api.rollback.RecordRehearsalCommand;
import dev.dimmer.api.rollback.RehearsedStep;
import dev.dimmer.api.rollback.RetryRunbookCommand;
import dev.dimmer.api.rollback.RollbackRehearsedEvent;
import dev.dimmer.core.rollback.Rehearsing;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A wave's runbook from the outside: retry a stalled one, or rehearse the rollback and record what it measured.
 * A rehearsal is checked for the caller's role before any step runs (lead; an operator may dry-run), and the
 * bus checks it again when the measured rehearsal is recorded.
 */
@Controller("/api/migrations/{migration}/waves/{wave}")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RunbookController {
    private final HttpCommands commands;
    private final Rehearsing rehearsing;
    private final ActorDirectory directory;

    RunbookController(HttpCommands commands, Rehearsing rehearsing, ActorDirectory directory) {
        this.commands = commands;
        this.rehearsing = rehearsing;
        this.directory = directory;
    }

    @Post(uri = "/rollback/retry", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> retry(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                          @Nullable @Body WaveActionRequest body) {
        return commands.send(request, body == null ? null : body.reason(),
                p -> new RetryRunbookCommand(migration, wave, p), Object.class,
                nothing -> HttpResponse.ok(Map.of("migration_id", migration, "wave", wave, "runbook", "retried")));
    }

    @Post(uri = "/rehearsal", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> rehearse(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                             @Nullable @Body RehearsalRequest body) throws InterruptedException {
        RehearsalRequest asked = body == null ? new RehearsalRequest(null, null) : body;
        boolean dryRun = Boolean.TRUE.equals(asked.dryRun());
        Set<Role> roles = directory.rolesFor(Requests.actor(request), migration);
        boolean lead = roles.contains(Role.LEAD);
        if (!lead && !(dryRun && roles.contains(Role.OPERATOR))) {
            Actor actor = Requests.actor(request);
            throw new CommandRejectedException(RejectionCode.FORBIDDEN, actor.name() + " may not rehearse a "
                    + "rollback: it needs the lead role (an operator may rehearse with --dry-run)");
        }
        List<RehearsedStep> steps = rehearsing.rehearse(migration, wave, dryRun);
        String reason = asked.reason() == null || asked.reason().isBlank()
                ? (dryRun ? "rollback dry run" : "rollback rehearsal") : asked.reason();
        return commands.send(request, reason, p -> lead
                        ? new RecordRehearsalCommand(migration, wave, dryRun, steps, p)
                        : new RecordDryRunCommand(migration, wave, steps, p), RollbackRehearsedEvent.class);
    }
}
