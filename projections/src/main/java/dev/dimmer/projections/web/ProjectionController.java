package dev.dimmer.projections.web;

import dev.dimmer.api.actor.Role;
import dev.dimmer.projections.rebuild.RebuildFailedException;
import dev.dimmer.projections.rebuild.RebuildRefusedException;
import dev.dimmer.projections.rebuild.RebuildResult;
import dev.dimmer.projections.rebuild.RebuildingProjections;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Jobs on the read side: rebuilding the views from the log (operator role). */
@Controller("/api/projections")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProjectionController {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionController.class);
    private final RebuildingProjections rebuilding;

    ProjectionController(RebuildingProjections rebuilding) {
        this.rebuilding = rebuilding;
    }

    @Post("/rebuild")
    RebuildResult rebuild(HttpRequest<?> request) throws InterruptedException {
        Readers.require(request, Role.OPERATOR);
        try {
            return rebuilding.rebuild();
        } catch (RebuildRefusedException e) {
            throw new HttpStatusException(HttpStatus.CONFLICT, e.getMessage() + "; nothing was changed");
        } catch (RebuildFailedException e) {
            LOG.error("projection rebuild failed and was rolled back", e);
            throw new HttpStatusException(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage()
                    + "; the rebuild was rolled back and the views are as they were");
        }
    }
}
