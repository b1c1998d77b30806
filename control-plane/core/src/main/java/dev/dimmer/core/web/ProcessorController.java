package dev.dimmer.core.web;

import dev.dimmer.api.status.ProcessorsView;
import dev.dimmer.core.axon.ReadingProcessors;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** How the processors behind the views and notifications keep up with the log; any authenticated actor may look. */
@Controller("/api/projections")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProcessorController {
    private final ReadingProcessors reading;

    ProcessorController(ReadingProcessors reading) {
        this.reading = reading;
    }

    @Get
    ProcessorsView processors(HttpRequest<?> request) {
        Requests.actor(request);
        return reading.read();
    }
}
