package dev.dimmer.projections.web;

import dev.dimmer.api.actor.Role;
import dev.dimmer.projections.rebuild.RebuildResult;
import dev.dimmer.projections.rebuild.RebuildingProjections;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;

/** Jobs on the read side: rebuilding the views from the log (operator role). */
@Controller("/api/projections")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProjectionController {
    private final RebuildingProjections rebuilding;

    ProjectionController(RebuildingProjections rebuilding) {
        this.rebuilding = rebuilding;
    }

    @Post("/rebuild")
    RebuildResult rebuild(HttpRequest<?> request) throws InterruptedException {
        Readers.require(request, Role.OPERATOR);
        return rebuilding.rebuild(Duration.ofMinutes(10));
    }
}
