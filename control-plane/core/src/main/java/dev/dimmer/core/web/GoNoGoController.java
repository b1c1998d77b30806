package dev.dimmer.core.web;

import dev.dimmer.api.migration.CastVoteCommand;
import dev.dimmer.api.migration.CommandRejectedException;
import dev.dimmer.api.migration.GoNoGoState;
import dev.dimmer.api.migration.OpenGoNoGoCommand;
import dev.dimmer.api.migration.RejectionCode;
import dev.dimmer.api.migration.Vote;
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

/** Go/no-go over HTTP: a lead opens the vote on a wave's cutover, approvers vote. */
@Controller("/api/migrations/{migration}/waves/{wave}")
@ExecuteOn(TaskExecutors.BLOCKING)
final class GoNoGoController {
    private final HttpCommands commands;

    GoNoGoController(HttpCommands commands) {
        this.commands = commands;
    }

    @Post(uri = "/gonogo", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> open(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                         @Nullable @Body WaveActionRequest body) {
        String reason = body == null || body.reason() == null || body.reason().isBlank()
                ? "go/no-go opened" : body.reason();
        return commands.send(request, reason, p -> new OpenGoNoGoCommand(migration, wave, p), GoNoGoState.class);
    }

    @Post(uri = "/votes", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> vote(HttpRequest<?> request, @PathVariable String migration, @PathVariable String wave,
                         @Nullable @Body VoteRequest body) {
        Vote vote = parse(body == null ? null : body.vote());
        String comment = body.comment() == null ? "" : body.comment().strip();
        return commands.send(request, comment.isBlank() ? vote.label() : comment,
                p -> new CastVoteCommand(migration, wave, vote, comment, p), GoNoGoState.class);
    }

    private static Vote parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CommandRejectedException(RejectionCode.INVALID_COMMAND,
                    "a vote needs \"vote\": \"approve\" or \"reject\" (a reject also needs a \"comment\")");
        }
        try {
            return Vote.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandRejectedException(RejectionCode.INVALID_COMMAND, e.getMessage());
        }
    }
}
