package dev.dimmer.core.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Liveness for load balancers, and the OpenAPI document; both open without a token. */
@Controller("/api")
final class HealthController {
    private final String openApi;

    HealthController() {
        try (InputStream in = HealthController.class.getResourceAsStream("openapi.yaml")) {
            openApi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/health")
    Map<String, String> health() {
        return Map.of("status", "up");
    }

    @Get(uri = "/openapi.yaml", produces = "application/yaml")
    HttpResponse<String> openApi() {
        return HttpResponse.ok(openApi).contentType(MediaType.of("application/yaml"));
    }
}
