package dev.dimmer.core.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Health for load balancers, and the OpenAPI document; both open without a token. */
@Controller("/api")
final class HealthController {
    private final String openApi;
    private final DatabaseProbe database;

    HealthController(DatabaseProbe database) {
        this.database = database;
        try (InputStream in = HealthController.class.getResourceAsStream("openapi.yaml")) {
            openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up only while the database answers: without it no command or read can be served. */
    @Get("/health")
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Map<String, String>> health() {
        return database.problem()
                .map(problem -> HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(Map.of("status", "down", "database", "down", "detail", problem)))
                .orElseGet(() -> HttpResponse.ok(Map.of("status", "up", "database", "up")));
    }

    @Get(uri = "/openapi.yaml", produces = "application/yaml")
    HttpResponse<String> openApi() {
        return HttpResponse.ok(openApi).contentType(MediaType.of("application/yaml"));
    }
}
