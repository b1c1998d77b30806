package dev.dimmer.core.web;

import dev.dimmer.api.migration.KillSwitchCommand;
import dev.dimmer.api.migration.WaveState;
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

/** The kill switch: a wave's routing switch to source at once, before anything else is decided. */
@Controller("/api/migrations/{migration}/switches")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SwitchController {
    private final HttpCommands commands;

    SwitchController(HttpCommands commands) {
        this.commands = commands;
    }

    @Post(uri = "/{routingSwitch}/kill", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> kill(HttpRequest<?> request, @PathVariable String migration, @PathVariable String routingSwitch,
                         @Nullable @Body WaveActionRequest body) {
        String reason = body == null ? null : body.reason();
        return commands.send(request, reason, p -> new KillSwitchCommand(migration, routingSwitch, p),
                WaveState.class);
    }
}
